from sqlalchemy import func, select
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

    async def stats(self) -> dict:
        async def count(prefix: str) -> int:
            return await self.session.scalar(select(func.count(Item.id)).where(Item.name.startswith(prefix)))

        return {"a": await count("a"), "b": await count("b")}
