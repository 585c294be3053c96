from sqlalchemy.ext.asyncio import AsyncSession

from app import crud_post


async def tag_names(db: AsyncSession, post_id: int) -> list:
    found = await crud_post.post.get(db, post_id)
    return [t.name for t in found.tags]


async def authors(db: AsyncSession) -> list:
    return [p.author.name for p in await crud_post.post.get_multi(db)]
