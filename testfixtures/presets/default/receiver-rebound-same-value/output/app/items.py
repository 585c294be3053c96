from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class ItemService:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def check(self, item_id: int) -> None:
        if await self.db.get(Item, item_id) is None:
            raise ValueError("no such item")
