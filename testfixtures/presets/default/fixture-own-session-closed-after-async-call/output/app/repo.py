from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


class ItemRepo:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def add(self, name: str):
        return await crud.create_item(self.db, name)
