from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def mark(db: AsyncSession, item_id: int):
    item = await db.get(Item, item_id)
    item.name = "done"
    await db.commit()
