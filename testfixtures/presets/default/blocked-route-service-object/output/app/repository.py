from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item
from app.utils import logged


class BaseRepository:
    def __init__(self, db: AsyncSession):
        self.db = db


class ItemRepository(BaseRepository):
    async def get(self, item_id: int):
        return await self.db.get(Item, item_id)

    # A decorator wrapping it in a plain def: it stays sync, on the sync session.
    @logged
    def rename(self, item_id: int, name: str):
        item = self.db.get(Item, item_id)
        item.name = name
        self.db.commit()
        return item
