from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Author, Book
from sqlalchemy.orm import selectinload

app = FastAPI()
SessionDep = Annotated[AsyncSession, Depends(get_async_db)]


@app.post("/seed")
async def seed(db: SessionDep):
    author = Author(name="le guin")
    db.add(author)
    await db.flush()
    db.add(Book(title="earthsea", author_id=author.id))
    await db.commit()
    return {"id": author.id}


@app.get("/titles")
async def titles(db: SessionDep):
    # Imported here, as some projects do to keep the module's imports light.
    from sqlalchemy import select

    return [[b.title for b in a.books] for a in await db.scalars(select(Author).options(selectinload(Author.books)))]


@app.get("/authors/{author_id}/count")
async def book_count(author_id: int, db: SessionDep):
    import sqlalchemy as sa

    author = await db.scalar(sa.select(Author).options(selectinload(Author.books)).where(Author.id == author_id))
    return {"books": len(author.books)}
