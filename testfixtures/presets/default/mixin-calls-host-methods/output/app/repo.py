from sqlalchemy.ext.asyncio import AsyncSession

from app.mixins import CountingMixin, DescribeMixin, ReadOnlyMixin, SoftDeleteMixin
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

    async def rename(self, id: int, email: str):
        user = await self.get(id)
        user.email = email
        await self.save(user)
        return user


class UserRepo(SoftDeleteMixin, DescribeMixin, BaseRepo):
    pass


class CountedRepo(CountingMixin, BaseRepo):
    pass


class ReadOnlyRepo(ReadOnlyMixin, BaseRepo):
    pass
