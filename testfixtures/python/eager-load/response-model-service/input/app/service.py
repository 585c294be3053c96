from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app import repository
from app.deps import get_async_db


class PostService:
    def __init__(self, db: AsyncSession = Depends(get_async_db)) -> None:
        self.db = db

    async def get_post(self, post_id: int):
        return await repository.find_post(self.db, post_id)

    async def list_posts(self):
        return await repository.find_posts(self.db)
