from typing import Type

from app.models import Base, User


class CRUDBase:
    def __init__(self, model: Type[Base]):
        self.model = model

    def get(self, db, id):
        return db.query(self.model).filter(self.model.id == id).first()

    def create(self, db, data):
        obj = self.model(**data)
        db.add(obj)
        db.commit()
        db.refresh(obj)
        return obj


class RowCounter:
    def count(self, db):
        return db.query(User).count()
