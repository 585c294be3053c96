from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db, get_db
from app.models import Post
from sqlalchemy import select
from sqlalchemy.orm import Session

router = APIRouter()


@router.get("/posts")
async def list_posts(db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(Post))).all()


@router.get("/posts/{post_id}/copies")
def post_copies(post_id: int, db: Session = Depends(get_db)):
    # from_self() has no select() equivalent: the handler stays sync, on the sync session.
    return db.query(Post).filter(Post.id == post_id).from_self().all()
