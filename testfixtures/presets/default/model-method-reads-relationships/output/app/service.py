from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Author
from app.schemas import AuthorOut
from sqlalchemy.orm import selectinload


class AuthorService:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def get(self, author_id: int) -> AuthorOut | None:
        author = await self.db.scalar(select(Author).options(selectinload(Author.books)).where(Author.id == author_id))
        if author is None:
            return None
        return AuthorOut.model_validate(author)

    async def all(self) -> list[AuthorOut]:
        return [AuthorOut.model_validate(a) for a in await self.db.scalars(select(Author).options(selectinload(Author.books)))]
