from sqlalchemy.orm import Session

from app.models import Item


def get_item(db: Session, item_id: int):
    return db.get(Item, item_id)
