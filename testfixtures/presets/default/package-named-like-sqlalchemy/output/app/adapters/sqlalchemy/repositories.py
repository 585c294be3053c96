from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.sqlalchemy.models import Shelf
from sqlalchemy.orm import selectinload


class ShelfRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def count(self) -> int:
        return await self.session.scalar(select(func.count()).select_from(Shelf))

    async def book_ids(self, shelf_id: int) -> list[int]:
        shelf = (await self.session.scalars(select(Shelf).options(selectinload(Shelf.books)).where(Shelf.id == shelf_id))).one()
        return [book.id for book in shelf.books]
