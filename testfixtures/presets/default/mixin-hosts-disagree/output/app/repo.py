from sqlalchemy.ext.asyncio import AsyncSession

from app.mixins import SoftDeleteMixin
from app.models import User
from sqlalchemy import select


class BaseRepo:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def get(self, id: int):
        return await self.db.scalar(select(User).where(User.id == id).limit(1))

    async def save(self, obj):
        self.db.add(obj)
        await self.db.commit()


class MemoryBase:
    def __init__(self):
        self.rows = {}

    def get(self, id: int):
        return self.rows.get(id)

    def save(self, obj):
        self.rows[obj.id] = obj


class UserRepo(SoftDeleteMixin, BaseRepo):
    pass


class MemoryRepo(SoftDeleteMixin, MemoryBase):
    pass
