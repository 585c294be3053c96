from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item
from sqlalchemy import func, select


async def create_item(db: AsyncSession, name: str) -> Item:
    item = Item(name=name)
    db.add(item)
    await db.commit()
    await db.refresh(item)
    return item


async def count_items(db: AsyncSession) -> int:
    return await db.scalar(select(func.count()).select_from(Item))
