from app.models import User
from app.repository import UserRepository


def test_seeded_user(db):
    assert db.query(User).count() == 1
    assert UserRepository().find_by_username(db, "seed") is not None
