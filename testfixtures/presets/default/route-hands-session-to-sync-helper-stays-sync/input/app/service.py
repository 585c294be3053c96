from sqlalchemy.orm import Session

from app.models import Item


class ItemService:
    def __init__(self, db: Session):
        self.db = db

    def search(self, conds: list):
        return self.db.query(Item).filter(*conds).populate_existing().all()
