from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def get_item(db: AsyncSession, item_id: int):
    return await db.get(Item, item_id)
