from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class ItemRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def get(self, item_id: int):
        return await self.session.get(Item, item_id)
