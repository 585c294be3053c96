import asyncio

from sqlalchemy import Column, Integer, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import declarative_base

from app.database import AsyncSessionLocal

Base = declarative_base()


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    name = Column(String)


class Settings:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def model(self) -> str:
        return await self.db.scalar(Item.__table__.select().limit(1))


class ItemService:
    def __init__(self, db: AsyncSession):
        self.db = db
        self.settings = Settings(self.db)

    async def describe(self, item_id: int) -> str:
        item = await self.db.get(Item, item_id)
        return item.name if item else "?"

    async def label(self, item_id: int) -> str:
        return await self.describe(item_id)

    async def describe_all(self, ids: list[int]) -> list[str]:
        # A method of the same object: every task uses `self.db`.
        return await asyncio.gather(*[self.label(i) for i in ids])

    async def describe_limited(self, ids: list[int]) -> list[str]:
        semaphore = asyncio.Semaphore(5)

        async def limited(i: int) -> str:
            async with semaphore:
                return await self.describe(i)

        tasks = [limited(i) for i in ids]
        return await asyncio.gather(*tasks)

    async def tuned(self, ids: list[int]) -> list[str]:
        async def one(i: int) -> str:
            return await self.settings.model()

        return await asyncio.gather(*[one(i) for i in ids])

    async def own_sessions(self, ids: list[int]) -> list[str]:
        # Each task opens its own session: nothing is shared.
        async def one(i: int) -> str:
            async with AsyncSessionLocal() as s:
                item = await s.get(Item, i)
                return item.name

        return await asyncio.gather(*[one(i) for i in ids])


async def describe(db: AsyncSession, item_id: int) -> str:
    item = await db.get(Item, item_id)
    return item.name


async def fan_out(db: AsyncSession, ids: list[int]) -> list[str]:
    tasks = []
    for i in ids:
        tasks.append(describe(db, i))
    return await asyncio.gather(*tasks)


async def fan_out_closure(db: AsyncSession, ids: list[int]) -> list[str]:
    async def one(i: int) -> str:
        item = await db.get(Item, i)
        return item.name

    return await asyncio.gather(*(one(i) for i in ids))


async def no_session(ids: list[int]) -> list[None]:
    async def one(i: int) -> None:
        await asyncio.sleep(i)

    tasks = [one(i) for i in ids]
    return await asyncio.gather(*tasks)
