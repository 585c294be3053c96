from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item
from sqlalchemy import select


async def get_item(db: AsyncSession, item_id: int):
    return await db.scalar(select(Item).where(Item.id == item_id).limit(1))


def search(db: AsyncSession, conds: list):
    return db.query(Item).filter(*conds).populate_existing().all()
