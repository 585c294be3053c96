from sqlalchemy.orm import Session

from app.models import Item


def get_item(db: Session, item_id: int):
    return db.query(Item).filter(Item.id == item_id).first()


def create_item(db: Session, name: str):
    item = Item(name=name)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item


def rename_item(db: Session, item_id: int, name: str):
    item = get_item(db, item_id)
    item.name = name
    db.commit()
    return item
