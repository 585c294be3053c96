from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


async def post_summary(db: AsyncSession, post_id: int) -> dict:
    post = await crud.get_post(db, post_id)
    return {"title": post.title, "author": post.author.name}


async def all_tags(db: AsyncSession) -> list:
    names = []
    for post in await crud.list_posts(db):
        names.extend(tag.name for tag in post.tags)
    return names
