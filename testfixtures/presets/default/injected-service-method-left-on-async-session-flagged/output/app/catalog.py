from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Book


class Catalog:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def newest(self, limit: int) -> list[Book]:
        return list(await self.db.scalars(select(Book).order_by(Book.id.desc()).limit(limit)))

    def on_shelf(self, shelf: int):
        # The Query goes back to the caller, which pages it: left as it is.
        return self.db.query(Book).filter(Book.shelf == shelf).order_by(Book.id)
