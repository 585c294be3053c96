from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.deps import get_async_db
from app.models import Author
from sqlalchemy.orm import selectinload


class AuthorRepository:
    def __init__(self, db: AsyncSession = Depends(get_async_db)) -> None:
        self.db = db

    async def get(self, author_id: int) -> Author:
        return await self.db.scalar(select(Author).options(selectinload(Author.posts)).where(Author.id == author_id))

    async def get_by_pk(self, author_id: int) -> Author:
        return await self.db.get(Author, author_id, options=[selectinload(Author.posts)])
