from sqlalchemy.orm import Session

from app.models import Item
from app.utils import logged


class BaseRepository:
    def __init__(self, db: Session):
        self.db = db


class ItemRepository(BaseRepository):
    def get(self, item_id: int):
        return self.db.get(Item, item_id)

    # A decorator wrapping it in a plain def: it stays sync, on the sync session.
    @logged
    def rename(self, item_id: int, name: str):
        item = self.db.get(Item, item_id)
        item.name = name
        self.db.commit()
        return item
