from app.db import AsyncDBSession, AsyncSessionLocal, JobSession
from app.models import Item
from sqlalchemy import func, select


async def count_items():
    async with AsyncSessionLocal() as db:
        return await db.scalar(select(func.count()).select_from(Item))


async def first_name():
    async with AsyncDBSession() as db:
        item = await db.scalar(select(Item).limit(1))
        return item.name if item else None


def debug_count():
    with JobSession() as db:
        return db.scalar(select(func.count()).select_from(Item))
