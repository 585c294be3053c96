from sqlalchemy.ext.asyncio import AsyncSession

from app.crud import get_post


async def tag_names(db: AsyncSession, post_id: int) -> list:
    post = await get_post(db, post_id)
    return [t.name for t in post.tags]
