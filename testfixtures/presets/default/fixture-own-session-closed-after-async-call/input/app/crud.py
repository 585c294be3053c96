from sqlalchemy.orm import Session

from app import models


def create_item(db: Session, name: str):
    item = models.Item(name=name)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item


def get_items(db: Session):
    return db.query(models.Item).all()


def add_item(db: Session, name: str):
    item = models.Item(name=name)
    db.add(item)
    db.flush()
    return item
