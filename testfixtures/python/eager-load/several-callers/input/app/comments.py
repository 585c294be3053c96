from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


async def comment_bodies(db: AsyncSession, post_id: int) -> list:
    post = await crud.get_post(db, post_id)
    return [c.body for c in post.comments]


async def first_tag(db: AsyncSession, post_id: int) -> str:
    post = await crud.get_post(db, post_id)
    return post.tags[0].name
