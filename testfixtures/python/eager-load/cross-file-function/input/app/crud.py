from typing import Optional

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Post


async def get_post(db: AsyncSession, post_id: int) -> Optional[Post]:
    stmt = select(Post).where(Post.id == post_id)
    post = (await db.execute(stmt)).scalars().first()
    return post


async def list_posts(db: AsyncSession) -> list:
    return (await db.scalars(select(Post).order_by(Post.id))).all()
