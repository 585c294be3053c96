from sqlalchemy.orm import Session

from app import crud


def test_create(db: Session):
    assert crud.create_item(db, "a").id is not None
