from typing import List

from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import repo
from app import repo
from app.db import get_async_db
from app.models import Post
from app.schemas import PostOut
from app.schemas import PostOut
from sqlalchemy import select
from sqlalchemy.orm import selectinload

app = FastAPI()


@app.get("/posts", response_model=List[PostOut])
async def list_posts(db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(Post).options(selectinload(Post.author)))).all()


@app.get("/posts/recent", response_model=List[PostOut])
async def recent(db: AsyncSession = Depends(get_async_db)):
    return await repo.recent_posts(db)
