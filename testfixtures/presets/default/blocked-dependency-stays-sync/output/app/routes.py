from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.deps import get_post, get_post_copy
from app.models import Post
from sqlalchemy import func, select

router = APIRouter()


@router.get("/posts/{post_id}")
def read_post(post: Post = Depends(get_post)):
    return post


@router.get("/posts/{post_id}/copy")
async def read_copy(post: Post = Depends(get_post_copy), db: AsyncSession = Depends(get_async_db)):
    return {"title": post.title, "count": await db.scalar(select(func.count()).select_from(Post))}
