from sqlalchemy.ext.asyncio import AsyncSession

from app import models
from sqlalchemy import select


async def create_item(db: AsyncSession, name: str):
    item = models.Item(name=name)
    db.add(item)
    await db.commit()
    await db.refresh(item)
    return item


async def get_items(db: AsyncSession):
    return (await db.scalars(select(models.Item))).all()


async def add_item(db: AsyncSession, name: str):
    item = models.Item(name=name)
    db.add(item)
    await db.flush()
    return item
