from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class ItemRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, item: Item) -> None:
        self.session.add(item)

    async def get(self, name: str) -> Item | None:
        return await self.session.scalar(select(Item).where(Item.name == name))
