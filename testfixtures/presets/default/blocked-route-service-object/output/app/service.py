from sqlalchemy.ext.asyncio import AsyncSession

from app.repository import ItemRepository


class ItemService:
    def __init__(self, db: AsyncSession):
        self.repo = ItemRepository(db)

    async def get(self, item_id: int):
        return await self.repo.get(item_id)

    def rename(self, item_id: int, name: str):
        return self.repo.rename(item_id, name)
