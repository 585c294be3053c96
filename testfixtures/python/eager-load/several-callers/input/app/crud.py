from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Post


async def get_post(db: AsyncSession, post_id: int) -> Post:
    return await db.scalar(select(Post).where(Post.id == post_id))
