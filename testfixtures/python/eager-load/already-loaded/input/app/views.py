from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


async def tag_names(db: AsyncSession, post_id: int) -> list:
    post = await crud.post_with_tags(db, post_id)
    return [t.name for t in post.tags]


async def author_name(db: AsyncSession, post_id: int) -> str:
    post = await crud.post_with_author(db, post_id)
    return post.author.name


async def author_names(db: AsyncSession, name: str) -> list:
    return [p.author.name for p in await crud.posts_by(db, name)]
