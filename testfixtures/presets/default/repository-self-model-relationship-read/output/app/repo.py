from typing import Type

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Base, get_async_db
from app.models import Book, Shelf
from sqlalchemy import select
from sqlalchemy.orm import selectinload


class ShelfRepository:
    def __init__(self, session: AsyncSession = Depends(get_async_db)):
        self.session = session
        self.model = Shelf

    async def get(self, shelf_id: int) -> Shelf:
        shelf = await self.session.scalar(select(self.model).options(selectinload(self.model.books)).where(self.model.id == shelf_id).limit(1))
        shelf.book_count = len(shelf.books)
        return shelf

    async def list(self) -> list[Shelf]:
        shelves = (await self.session.execute(select(self.model).options(selectinload(self.model.books)))).scalars().all()
        for shelf in shelves:
            shelf.book_count = len(shelf.books)
        return shelves

    async def count_books(self, shelf_id: int) -> int:
        shelf = await self.session.get(self.model, shelf_id, options=[selectinload(self.model.books)])
        return len(shelf.books)


class BookRepository:
    def __init__(self, session: AsyncSession = Depends(get_async_db)):
        self.session = session
        self.model = Book

    async def titles(self) -> list[str]:
        return [book.title for book in (await self.session.execute(select(self.model))).scalars().all()]


class AnyRepository:
    # the model is handed in: which class a query of it loads is known only at run time
    def __init__(self, session: AsyncSession, model: Type[Base]):
        self.session = session
        self.model = model

    async def sizes(self) -> list[int]:
        return [len(row.books) for row in (await self.session.execute(select(self.model))).scalars().all()]


class LabelRepository:
    # subclassed in another module, which may store another model on self.model
    def __init__(self, session: AsyncSession = Depends(get_async_db)):
        self.session = session
        self.model = Shelf

    async def counts(self) -> dict[str, int]:
        return {shelf.label: len(shelf.books) for shelf in (await self.session.execute(select(self.model))).scalars().all()}
