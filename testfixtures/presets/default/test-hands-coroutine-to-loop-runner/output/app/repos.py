from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class ItemRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, name: str) -> Item:
        item = Item(name=name)
        self.session.add(item)
        await self.session.commit()
        return item


class Parser:
    """Already async before the migration: it calls a remote service."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def parse_one(self, text: str) -> str:
        return text.strip().lower()
