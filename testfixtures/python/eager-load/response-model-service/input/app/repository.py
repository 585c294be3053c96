from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Post


async def find_post(db: AsyncSession, post_id: int) -> Post:
    return (await db.scalars(select(Post).where(Post.id == post_id))).one()


async def find_posts(db: AsyncSession) -> list:
    rows = await db.scalars(select(Post).order_by(Post.title))
    return rows.all()
