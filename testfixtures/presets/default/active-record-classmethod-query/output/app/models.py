from sqlalchemy import Column, Integer, String, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import Base


class ActiveRecord:
    # Shared by the models: `cls` is the model the method is called on.
    @classmethod
    async def get(cls, db: AsyncSession, pk: int):
        return await db.get(cls, pk)

    @classmethod
    async def count(cls, db: AsyncSession) -> int:
        return await db.scalar(select(func.count()).select_from(cls))


class User(ActiveRecord, Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    email = Column(String, unique=True)

    @classmethod
    async def by_email(cls, db: AsyncSession, email: str):
        return await db.scalar(select(cls).where(cls.email == email).limit(1))

    @classmethod
    async def create(cls, db: AsyncSession, **kwargs):
        obj = cls(**kwargs)
        db.add(obj)
        await db.commit()
        await db.refresh(obj)
        return obj
