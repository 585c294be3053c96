from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Post


class Loader:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def load(self, post_id: int) -> Post:
        return await self.db.scalar(select(Post).where(Post.id == post_id))

    async def tags_of(self, post_id: int) -> list:
        post = await self.load(post_id)
        return [t.name for t in post.tags]


class CachedLoader(Loader):
    async def load(self, post_id: int) -> Post:
        return CACHE[post_id]


CACHE: dict = {}


async def reloaded(db: AsyncSession, post_id: int) -> Post:
    post = await db.scalar(select(Post).where(Post.id == post_id))
    await db.refresh(post)
    return post


async def kept_as_is(db: AsyncSession, post_id: int) -> Post:
    return await db.scalar(select(Post).where(Post.id == post_id))  # awaitify: ignore


async def listed(db: AsyncSession) -> list:
    return (await db.scalars(select(Post))).all()


def remembered(fn):
    return fn


@remembered
async def remembered_post(db: AsyncSession, post_id: int) -> Post:
    return await db.scalar(select(Post).where(Post.id == post_id))
