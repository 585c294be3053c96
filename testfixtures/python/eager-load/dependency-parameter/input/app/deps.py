from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Post


async def get_async_db():
    yield None


async def post_or_404(post_id: int, db: AsyncSession = Depends(get_async_db)) -> Post:
    post = await db.scalar(select(Post).where(Post.id == post_id))
    if post is None:
        raise HTTPException(status_code=404)
    return post


PostDep = Annotated[Post, Depends(post_or_404)]
