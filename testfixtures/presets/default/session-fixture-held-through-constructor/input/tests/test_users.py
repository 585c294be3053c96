from app.repositories import UserRepository
from tests.builders import UserBuilder


def test_built(db):
    user = UserBuilder(db).build("a@example.com")
    assert UserRepository(db).get(user.id) is not None
