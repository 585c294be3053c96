from sqlalchemy.orm import Session

from app.repository import ItemRepository


class ItemService:
    def __init__(self, db: Session):
        self.repo = ItemRepository(db)

    def get(self, item_id: int):
        return self.repo.get(item_id)

    def rename(self, item_id: int, name: str):
        return self.repo.rename(item_id, name)
