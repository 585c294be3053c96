from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Post


async def create_post(db: AsyncSession, title: str) -> Post:
    post = Post(title=title)
    db.add(post)
    await db.commit()
    await db.refresh(post, attribute_names=["comments"])
    return post
