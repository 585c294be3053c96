from fastapi import Depends, FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import aliased, selectinload
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Post, Vote

app = FastAPI()


@app.get("/posts")
async def list_posts(db: AsyncSession = Depends(get_async_db)):
    rows = (await db.execute(select(Post, func.count(Vote.post_id).label("votes")).options(selectinload(Post.owner)).join(Vote, isouter=True).group_by(Post.id))).all()
    out = []
    for row in rows:
        out.append({"title": row.Post.title, "owner": row.Post.owner.name, "votes": row.votes})
    return out


@app.get("/posts2")
async def list_posts2(db: AsyncSession = Depends(get_async_db)):
    rows = (await db.execute(select(Post, func.count(Vote.post_id)).options(selectinload(Post.owner)).join(Vote, isouter=True).group_by(Post.id))).all()
    return [{"owner": post.owner.name, "votes": n} for post, n in rows]


@app.get("/posts3")
async def first_post(db: AsyncSession = Depends(get_async_db)):
    row = (await db.execute(select(Post, func.count(Vote.post_id).label("votes")).options(selectinload(Post.owner)).join(Vote, isouter=True).group_by(Post.id))).first()
    return {"owner": row.Post.owner.name}


@app.get("/posts4")
async def aliased_rows(db: AsyncSession = Depends(get_async_db)):
    # An aliased entity's name in the Row cannot be told: the read is flagged, nothing is added.
    author = aliased(Post)
    rows = (await db.execute(select(Post, author).join(author, author.id == Post.id))).all()
    return [row.Post.owner.name for row in rows]


@app.get("/posts5")
async def unpacked_wrong_length(db: AsyncSession = Depends(get_async_db)):
    rows = (await db.execute(select(Post, func.count(Vote.post_id)).join(Vote, isouter=True).group_by(Post.id))).all()
    # Not a flat unpacking of the row: left alone.
    return [{"owner": post.owner.name} for (post, _), extra in zip(rows, rows)]


@app.get("/posts6")
async def one_entity_rows(db: AsyncSession = Depends(get_async_db)):
    # One entity run by execute: still Rows, each holding it under its class name.
    rows = (await db.execute(select(Post).options(selectinload(Post.owner)))).all()
    return [row.Post.owner.name for row in rows]
