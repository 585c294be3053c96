from sqlalchemy.orm import Session

from app import crud


class ItemService:
    def __init__(self, db: Session):
        self.db = db

    def get(self, item_id: int):
        return crud.get_item(self.db, item_id)

    def search(self, conds: list):
        return crud.search(self.db, conds)
