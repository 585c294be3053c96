from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class ItemRepo:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def get(self, item_id: int) -> Item | None:
        return await self.db.get(Item, item_id)
