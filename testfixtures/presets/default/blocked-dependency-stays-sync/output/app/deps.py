from fastapi import Depends, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db, get_db
from app.models import Post
from sqlalchemy import select
from sqlalchemy.orm import Session


async def get_post(post_id: int, db: AsyncSession = Depends(get_async_db)) -> Post:
    post = await db.scalar(select(Post).where(Post.id == post_id).limit(1))
    if post is None:
        raise HTTPException(status_code=404)
    return post


def get_post_copy(post_id: int, db: Session = Depends(get_db)) -> Post:
    # from_self() has no select() equivalent: this dependency stays sync, so it keeps the sync session
    # (FastAPI runs it in its threadpool, as before).
    return db.query(Post).filter(Post.id == post_id).from_self().first()
