from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Post
from sqlalchemy import func, select


async def count_posts(db: AsyncSession) -> int:
    return await db.scalar(select(func.count()).select_from(Post))
