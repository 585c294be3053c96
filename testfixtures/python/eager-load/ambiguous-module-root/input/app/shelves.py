from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.shelf import Shelf


async def book_titles(db: AsyncSession, shelf_id: int) -> list[str]:
    shelf = await db.scalar(select(Shelf).where(Shelf.id == shelf_id).limit(1))
    return [book.title for book in shelf.books]
