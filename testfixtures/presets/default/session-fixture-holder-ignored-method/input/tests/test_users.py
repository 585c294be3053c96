from app.repositories import UserRepository


def test_created(db):
    repo = UserRepository(db)
    user = repo.create("a@example.com")
    assert repo.get(user.id) is not None
