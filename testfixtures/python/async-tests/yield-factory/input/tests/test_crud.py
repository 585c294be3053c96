from sqlalchemy.orm import Session

from app import crud


def test_create_user(db: Session) -> None:
    user = crud.create_user(db, "a@example.com")
    assert user.email == "a@example.com"


def test_create_user_shared(shared_db: Session) -> None:
    user = crud.create_user(shared_db, "b@example.com")
    assert user.email == "b@example.com"
