from sqlalchemy.orm import Session

from app import crud


def test_create_user(db: Session) -> None:
    user = crud.create_user(db, email="crud@example.com")
    assert user.email == "crud@example.com"


def test_get_user(db: Session) -> None:
    user = crud.create_user(db, email="get@example.com")
    user_2 = crud.get_user(db, id=user.id)
    assert user_2
    assert user_2.email == user.email
