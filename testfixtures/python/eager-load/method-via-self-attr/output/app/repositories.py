from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models
from app.deps import get_async_db
from sqlalchemy.orm import selectinload


class PostRepository:
    def __init__(self, db: AsyncSession = Depends(get_async_db)) -> None:
        self.db = db

    async def by_title(self, title: str) -> models.Post:
        return await self.db.scalar(select(models.Post).options(selectinload(models.Post.comments)).where(models.Post.title == title))
