from sqlalchemy.orm import Session

from app.models import Item


class ItemRepo:
    def __init__(self, db: Session):
        self.db = db

    def get(self, item_id: int) -> Item | None:
        return self.db.get(Item, item_id)
