from typing import List

from fastapi import APIRouter, Depends
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, selectinload

from . import crud, models, schemas
from .database import get_async_db
from .models import Post, User, Vote

router = APIRouter()


# Loaded: the Row attribute `Post` is the entity `models.Post`; PostBase reads `owner`.
@router.get("/posts", response_model=List[schemas.PostOut])
async def get_posts(db: AsyncSession = Depends(get_async_db)):
    posts = (
        (await db.execute(select(models.Post, func.count(models.Vote.post_id).label("votes")).options(selectinload(models.Post.owner))
        .join(models.Vote, models.Vote.post_id == models.Post.id, isouter=True)
        .group_by(models.Post.id)
        )).unique().all()
    )
    return posts


# Loaded: two entities, each with its own chain; `tags` is lazy="selectin" already.
@router.get("/posts/{post_id}/with-author", response_model=schemas.PostAndAuthor)
async def post_and_author(post_id: int, db: AsyncSession = Depends(get_async_db)):
    stmt = select(Post, User).options(selectinload(Post.comments).selectinload(models.Comment.author), selectinload(User.posts)).join(Post.owner)
    stmt = stmt.where(Post.id == post_id)
    result = await db.execute(stmt)
    return result.first()


# Loaded: the label through a local, and the return annotation as the response model.
@router.get("/posts/annotated")
async def annotated(db: AsyncSession = Depends(get_async_db)) -> List[schemas.PostOut]:
    votes = func.count(Vote.post_id).label("votes")
    rows = await db.execute(select(Post, votes).options(selectinload(Post.owner)).outerjoin(Vote).group_by(Post.id))
    return list(rows)


# Already loaded: nothing to add.
@router.get("/posts/loaded", response_model=List[schemas.PostOut])
async def already_loaded(db: AsyncSession = Depends(get_async_db)):
    stmt = select(Post, func.count(Vote.post_id).label("votes")).options(selectinload(Post.owner)).outerjoin(Vote).group_by(Post.id)
    return (await db.execute(stmt)).all()


# Flagged: an aliased entity; which Row attribute it is cannot be told.
@router.get("/posts/aliased", response_model=List[schemas.PostOut])
async def aliased_posts(db: AsyncSession = Depends(get_async_db)):
    p = aliased(Post)
    return (await db.execute(select(p, func.count(Vote.post_id).label("votes")).outerjoin(Vote).group_by(p.id))).all()


# Flagged: the rows reshaped before returning.
@router.get("/posts/reshaped", response_model=List[schemas.PostOut])
async def reshaped(db: AsyncSession = Depends(get_async_db)):
    rows = (await db.execute(select(Post, func.count(Vote.post_id).label("votes")).outerjoin(Vote).group_by(Post.id))).all()
    return [{"Post": post, "votes": n} for post, n in rows]


# Flagged: rows another function loaded.
@router.get("/posts/crud", response_model=List[schemas.PostOut])
async def via_crud(db: AsyncSession = Depends(get_async_db)):
    return await crud.posts_with_votes(db)


# Flagged: one row returned for a list response model.
@router.get("/posts/first", response_model=List[schemas.PostOut])
async def first_only(db: AsyncSession = Depends(get_async_db)):
    return (await db.execute(select(Post, func.count(Vote.post_id).label("votes")).outerjoin(Vote).group_by(Post.id))).first()


# Untouched: the entity field's schema reads no relationship.
@router.get("/posts/plain", response_model=List[schemas.PlainVotes])
async def plain_votes(db: AsyncSession = Depends(get_async_db)):
    return (await db.execute(select(Post, func.count(Vote.post_id).label("votes")).outerjoin(Vote).group_by(Post.id))).all()


# Untouched: the only relationship it reads is lazy="selectin".
@router.get("/posts/tagged", response_model=List[schemas.TaggedVotes])
async def tagged_votes(db: AsyncSession = Depends(get_async_db)):
    return (await db.execute(select(Post, func.count(Vote.post_id).label("votes")).outerjoin(Vote).group_by(Post.id))).all()


# Untouched: no response model.
@router.get("/posts/raw")
async def raw_rows(db: AsyncSession = Depends(get_async_db)):
    rows = (await db.execute(select(Post, func.count(Vote.post_id).label("votes")).outerjoin(Vote).group_by(Post.id))).all()
    return [{"id": post.id, "votes": n} for post, n in rows]


# Untouched: column rows.
@router.get("/posts/columns", response_model=List[schemas.PostRow])
async def post_columns(db: AsyncSession = Depends(get_async_db)):
    return (await db.execute(select(Post.id, Post.title))).all()


# Flagged: the statement is built elsewhere.
@router.get("/posts/built", response_model=List[schemas.PostOut])
async def built(db: AsyncSession = Depends(get_async_db)):
    return (await db.execute(crud.posts_statement())).all()
