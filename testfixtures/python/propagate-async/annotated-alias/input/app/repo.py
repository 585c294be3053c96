from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class ItemRepo:
    def __init__(self, db: AsyncSession):
        self.db = db

    def find(self, item_id: int) -> Item:
        return await self.db.get(Item, item_id)


class Registry:
    def find(self, item_id: int):
        return item_id
