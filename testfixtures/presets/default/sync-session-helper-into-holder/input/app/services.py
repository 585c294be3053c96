from sqlalchemy.orm import Session

from app.models import Item


class ItemService:
    def __init__(self, db: Session):
        self.db = db

    def rename(self, item_id: int, name: str) -> None:
        item = self.db.get(Item, item_id)
        item.name = name
        self.db.commit()


def count_items(db: Session, item_id: int):
    return db.get(Item, item_id)
