from sqlalchemy.orm import Session

from app.models import Item


def rename(db: Session, item_id: int, name: str):
    item = db.get(Item, item_id)
    item.name = name
    db.commit()
    return item.id
