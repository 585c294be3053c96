from sqlalchemy.orm import Session

from app import crud


def test_create(db: Session, greeting):
    assert crud.create_item(db, greeting).id is not None
