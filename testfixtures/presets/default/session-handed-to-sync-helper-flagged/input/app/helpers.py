from sqlalchemy.orm import Session

from app import crud
from app.models import Item


def find_named(db: Session, name: str):
    return crud.search(db, [Item.name == name])
