from sqlalchemy.orm import Session

from app.models import Item


def create_item(db: Session, name: str) -> Item:
    item = Item(name=name)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item


def count_items(db: Session) -> int:
    return db.query(Item).count()
