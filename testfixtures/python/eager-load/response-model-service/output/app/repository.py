from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Author, Post
from sqlalchemy.orm import selectinload


async def find_post(db: AsyncSession, post_id: int) -> Post:
    return (await db.scalars(select(Post).options(selectinload(Post.author).selectinload(Author.posts).selectinload(Post.tags), selectinload(Post.comments)).where(Post.id == post_id))).one()


async def find_posts(db: AsyncSession) -> list:
    rows = await db.scalars(select(Post).options(selectinload(Post.tags)).order_by(Post.title))
    return rows.all()
