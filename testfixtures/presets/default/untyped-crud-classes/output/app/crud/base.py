from typing import Type, TypeVar

from app.models import Base
from sqlalchemy import select

ModelType = TypeVar("ModelType", bound=Base)


class CRUDBase:
    # Only the model is annotated (the query-to-select proof of `self.model` needs it); the sessions are not.
    def __init__(self, model: Type[ModelType]):
        self.model = model

    async def get(self, db, id):
        return await db.scalar(select(self.model).where(self.model.id == id).limit(1))

    async def get_multi(self, db, skip=0, limit=100):
        return (await db.scalars(select(self.model).offset(skip).limit(limit))).all()

    async def create(self, db, data):
        obj = self.model(**data)
        db.add(obj)
        await db.commit()
        await db.refresh(obj)
        return obj

    async def remove(self, db, id):
        obj = await self.get(db, id)
        await db.delete(obj)
        await db.commit()
        return obj
