from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class ItemRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, name: str) -> Item:
        item = Item(name=name)
        self.session.add(item)
        await self.session.commit()
        return item
