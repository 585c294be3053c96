from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import select
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


@app.get("/ranked")
async def ranked(db: SessionDep):
    authors = (await db.scalars(select(Author).options(selectinload(Author.books)))).all()
    return [a.name for a in sorted(authors, key=lambda a: len(a.books), reverse=True)]


@app.get("/prolific")
async def prolific(db: SessionDep):
    return max((await db.scalars(select(Author).options(selectinload(Author.books)))).all(), key=lambda a: len(a.books)).name


@app.get("/authors-of-books")
async def authors_of_books(db: SessionDep):
    return list(map(lambda b: b.author.name, (await db.scalars(select(Book).options(selectinload(Book.author)))).all()))
