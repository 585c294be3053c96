from typing import Type

from app.models import Base, User
from sqlalchemy import select


class CRUDBase:
    def __init__(self, model: Type[Base]):
        self.model = model

    async def get(self, db, id):
        return await db.scalar(select(self.model).where(self.model.id == id).limit(1))

    async def create(self, db, data):
        obj = self.model(**data)
        db.add(obj)
        await db.commit()
        await db.refresh(obj)
        return obj


class RowCounter:
    def count(self, db):
        return db.query(User).count()
