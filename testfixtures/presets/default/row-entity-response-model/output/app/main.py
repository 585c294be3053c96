from typing import List

from fastapi import Depends, FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models, schemas
from app.db import get_async_db
from sqlalchemy.orm import selectinload

app = FastAPI()


@app.get("/posts", response_model=List[schemas.PostOut])
async def get_posts(db: AsyncSession = Depends(get_async_db)):
    posts = (
        (await db.execute(select(models.Post, func.count(models.Vote.post_id).label("votes")).options(selectinload(models.Post.owner))
        .join(models.Vote, models.Vote.post_id == models.Post.id, isouter=True)
        .group_by(models.Post.id)
        )).unique().all()
    )
    return posts
