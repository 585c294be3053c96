from sqlalchemy.orm import Session

from app import crud


def run(db: Session):
    crud.create_item(db, "a")
    crud.create_item(db, "b")
