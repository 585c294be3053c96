from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def rename(db: AsyncSession, item_id: int, name: str):
    item = await db.get(Item, item_id)
    item.name = name
    await db.commit()
    return item.id
