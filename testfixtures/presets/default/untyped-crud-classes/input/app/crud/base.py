from typing import Type, TypeVar

from app.models import Base

ModelType = TypeVar("ModelType", bound=Base)


class CRUDBase:
    # Only the model is annotated (the query-to-select proof of `self.model` needs it); the sessions are not.
    def __init__(self, model: Type[ModelType]):
        self.model = model

    def get(self, db, id):
        return db.query(self.model).filter(self.model.id == id).first()

    def get_multi(self, db, skip=0, limit=100):
        return db.query(self.model).offset(skip).limit(limit).all()

    def create(self, db, data):
        obj = self.model(**data)
        db.add(obj)
        db.commit()
        db.refresh(obj)
        return obj

    def remove(self, db, id):
        obj = self.get(db, id)
        db.delete(obj)
        db.commit()
        return obj
