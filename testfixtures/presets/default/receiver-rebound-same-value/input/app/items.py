from sqlalchemy.orm import Session

from app.models import Item


class ItemService:
    def __init__(self, db: Session):
        self.db = db

    def check(self, item_id: int) -> None:
        if self.db.get(Item, item_id) is None:
            raise ValueError("no such item")
