from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def get_item(db: AsyncSession, item_id: int):
    return (await db.execute(select(Item).where(Item.id == item_id))).scalar_one_or_none()
