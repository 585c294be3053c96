from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Post
from sqlalchemy import select, update

router = APIRouter()


@router.put("/posts/{post_id}")
async def update_post(post_id: int, title: str, db: AsyncSession = Depends(get_async_db)):
    # The sync commit expired the post the first query loaded, so the re-read saw the new title. With the
    # async session (expire_on_commit=False) the re-read returns that same object with the old title: flagged.
    query = select(Post).where(Post.id == post_id)
    post = await db.scalar(query.limit(1))
    if post is None:
        return None
    await db.execute(update(Post).where(query.whereclause).values({"title": title}).execution_options(synchronize_session=False))
    await db.commit()
    return await db.scalar(query.limit(1))


@router.put("/posts/{post_id}/title")
async def rename_post(post_id: int, title: str, db: AsyncSession = Depends(get_async_db)):
    # A post loaded before the UPDATE, read after the commit: flagged too.
    post = await db.scalar(select(Post).where(Post.id == post_id).limit(1))
    await db.execute(update(Post).where(Post.id == post_id).values({"title": title}).execution_options(synchronize_session=False))
    await db.commit()
    return {"title": post.title}


@router.put("/posts/{post_id}/synced")
async def update_synced(post_id: int, title: str, db: AsyncSession = Depends(get_async_db)):
    # The UPDATE synchronises the session: the post holds the new title. Not flagged.
    query = select(Post).where(Post.id == post_id)
    await db.execute(update(Post).where(query.whereclause).values({"title": title}).execution_options(synchronize_session="evaluate"))
    await db.commit()
    return await db.scalar(query.limit(1))


@router.put("/posts/{post_id}/refreshed")
async def update_refreshed(post_id: int, title: str, db: AsyncSession = Depends(get_async_db)):
    # Refreshed after the commit: not flagged.
    post = await db.scalar(select(Post).where(Post.id == post_id).limit(1))
    await db.execute(update(Post).where(Post.id == post_id).values({"title": title}).execution_options(synchronize_session=False))
    await db.commit()
    await db.refresh(post)
    return {"title": post.title}


@router.post("/posts/archive")
async def archive_posts(db: AsyncSession = Depends(get_async_db)):
    # Only the row count is read after the commit: not flagged.
    count = (await db.execute(update(Post).where(Post.title == "").values({"title": "untitled"}).execution_options(synchronize_session=False))).rowcount
    await db.commit()
    return count
