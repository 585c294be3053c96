from sqlalchemy.orm import Session

from app.models import Item


def mark(db: Session, item_id: int):
    item = db.get(Item, item_id)
    item.name = "done"
    db.commit()
