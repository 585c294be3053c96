from app.models import User
from app.repository import UserRepository


def test_save_user(db):
    repo = UserRepository()
    saved = repo.save(db, User(username="rene"))
    assert saved.id is not None


def test_find_by_username(db):
    repo = UserRepository()
    repo.save(db, User(username="ana"))
    assert repo.find_by_username(db, "ana").username == "ana"
