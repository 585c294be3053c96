from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Book, Shelf
from sqlalchemy.orm import selectinload


class ShelfRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def add(self, label: str) -> Shelf:
        shelf = Shelf(label=label)
        self.session.add(shelf)
        await self.session.commit()
        await self.session.refresh(shelf, attribute_names=["books"])
        return shelf

    async def find(self, shelf_id: int) -> Shelf:
        return await self.session.scalar(select(Shelf).options(selectinload(Shelf.books)).where(Shelf.id == shelf_id).limit(1))

    async def find_book(self, book_id: int) -> Book:
        return await self.session.scalar(select(Book).options(selectinload(Book.shelf)).where(Book.id == book_id).limit(1))
