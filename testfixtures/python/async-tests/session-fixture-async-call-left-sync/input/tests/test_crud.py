from app import crud


def test_create_user(db) -> None:
    user = crud.create_user(db, "a@example.com")
    assert user.email == "a@example.com"
