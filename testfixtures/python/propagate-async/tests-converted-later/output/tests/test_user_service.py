from app.services import user_service


def test_get_user(db):
    user = user_service.get_user(db, 1)
    assert user is not None
