from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def get_item(db: AsyncSession, name: str) -> Item | None:
    return await db.scalar(select(Item).where(Item.name == name))
