from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


class ItemService:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def get(self, item_id: int):
        return await crud.get_item(self.db, item_id)

    def search(self, conds: list):
        return crud.search(self.db, conds)
