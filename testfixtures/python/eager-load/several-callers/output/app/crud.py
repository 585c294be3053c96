from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Post
from sqlalchemy.orm import selectinload


async def get_post(db: AsyncSession, post_id: int) -> Post:
    return await db.scalar(select(Post).options(selectinload(Post.comments), selectinload(Post.tags)).where(Post.id == post_id))
