from sqlalchemy.orm import Session

from app import crud


class ItemRepo:
    def __init__(self, db: Session):
        self.db = db

    def add(self, name: str):
        return crud.create_item(self.db, name)
