from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models
from app.deps import get_async_db


class PostRepository:
    def __init__(self, db: AsyncSession = Depends(get_async_db)) -> None:
        self.db = db

    async def by_title(self, title: str) -> models.Post:
        return await self.db.scalar(select(models.Post).where(models.Post.title == title))
