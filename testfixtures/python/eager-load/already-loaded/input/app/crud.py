from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from app.models import Author, Post


async def post_with_tags(db: AsyncSession, post_id: int) -> Post:
    return await db.scalar(select(Post).options(selectinload(Post.tags)).where(Post.id == post_id))


async def post_with_author(db: AsyncSession, post_id: int) -> Post:
    stmt = select(Post).options(joinedload(Post.author)).where(Post.id == post_id)
    return (await db.scalars(stmt)).first()


async def posts_by(db: AsyncSession, name: str) -> list:
    stmt = select(Post).join(Post.author).options(contains_eager(Post.author)).where(Author.name == name)
    return (await db.scalars(stmt)).all()
