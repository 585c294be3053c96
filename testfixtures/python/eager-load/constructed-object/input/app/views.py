from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


async def publish(db: AsyncSession, title: str) -> list:
    post = await crud.create_post(db, title)
    return [c.body for c in post.comments]
