from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Book, Shelf
from sqlalchemy import select


class ShelfRepository:
    def __init__(self, session: AsyncSession = Depends(get_async_db)):
        self.session = session
        self.model = Shelf

    async def get(self, shelf_id: int) -> Shelf:
        shelf = await self.session.scalar(select(self.model).where(self.model.id == shelf_id).limit(1))
        shelf.book_count = len(shelf.books)
        return shelf

    async def list(self) -> list[Shelf]:
        shelves = (await self.session.execute(select(self.model))).scalars().all()
        for shelf in shelves:
            shelf.book_count = len(shelf.books)
        return shelves

    async def count_books(self, shelf_id: int) -> int:
        shelf = await self.session.get(self.model, shelf_id)
        return len(shelf.books)


class BookRepository:
    def __init__(self, session: AsyncSession = Depends(get_async_db)):
        self.session = session
        self.model = Book

    async def titles(self) -> list[str]:
        return [book.title for book in (await self.session.execute(select(self.model))).scalars().all()]
