from sqlalchemy.ext.asyncio import AsyncSession


async def comments(db: AsyncSession, finder, post_id: int) -> list:
    post = await finder.find(db, post_id)
    return [c.body for c in post.comments]


async def reloaded_tags(db: AsyncSession, post_id: int) -> list:
    from app.crud import reloaded

    post = await reloaded(db, post_id)
    return [t.name for t in post.tags]


async def kept_tags(db: AsyncSession, post_id: int) -> list:
    from app.crud import kept_as_is

    post = await kept_as_is(db, post_id)
    return [t.name for t in post.tags]


async def listed_tags(db: AsyncSession) -> list:
    from app.crud import listed

    posts = await listed(db)
    return [t.name for t in posts.tags]


async def remembered_tags(db: AsyncSession, post_id: int) -> list:
    from app.crud import remembered_post

    post = await remembered_post(db, post_id)
    return [t.name for t in post.tags]
