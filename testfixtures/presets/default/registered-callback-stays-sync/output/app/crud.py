from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def count_items(db: AsyncSession) -> int:
    return await db.scalar(select(func.count(Item.id)))
