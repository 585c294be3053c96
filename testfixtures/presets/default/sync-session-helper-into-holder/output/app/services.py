from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class ItemService:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def rename(self, item_id: int, name: str) -> None:
        item = await self.db.get(Item, item_id)
        item.name = name
        await self.db.commit()


async def count_items(db: AsyncSession, item_id: int):
    return await db.get(Item, item_id)
