from sqlalchemy.orm import Session

from app.models import Item
from sqlalchemy import select


def get_item(db: Session, item_id: int):
    return db.scalar(select(Item).where(Item.id == item_id).limit(1))


def search(db: Session, conds: list):
    return db.query(Item).filter(*conds).populate_existing().all()
