from fastapi import Depends
from sqlmodel import select

from app.database import get_async_db
from app.models import Item
from sqlmodel.ext.asyncio.session import AsyncSession


class ItemDAO:
    # A class dependency holding the request's session; its methods close it with the session's own `with`.
    def __init__(self, session: AsyncSession = Depends(get_async_db)):
        self.session = session

    async def get_list(self, offset: int, limit: int) -> list[Item]:
        async with self.session:
            return (await self.session.exec(select(Item).offset(offset).limit(limit))).all()

    async def create(self, item: Item) -> Item:
        async with self.session as session:
            session.add(item)
            await session.commit()
            await session.refresh(item)
            return item
