from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class ItemRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def get(self, item_id: int):
        return await self.session.get(Item, item_id)

    async def count(self) -> int:
        return (await self.session.execute(select(func.count(Item.id)))).scalar_one()

    async def add(self, name: str):
        item = Item(name=name)
        self.session.add(item)
        await self.session.commit()
        return item
