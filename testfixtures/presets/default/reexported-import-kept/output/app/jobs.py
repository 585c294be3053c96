from sqlalchemy.ext.asyncio import AsyncSession

from app.db import async_engine, engine
from app.models import Item


async def get_item(item_id: int):
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        return await session.get(Item, item_id)
