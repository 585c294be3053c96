from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Author, Book
from sqlalchemy.orm import selectinload

app = FastAPI()
SessionDep = Annotated[AsyncSession, Depends(get_async_db)]


def describe(author: Author) -> str:
    return f"{author.name}: {', '.join(b.title for b in author.books)}"


@app.post("/seed")
async def seed(db: SessionDep):
    author = Author(name="le guin")
    db.add(author)
    await db.flush()
    db.add(Book(title="earthsea", author_id=author.id))
    await db.commit()
    return {"id": author.id}


@app.get("/described")
async def described(db: SessionDep):
    return [describe(a) for a in await db.scalars(select(Author).options(selectinload(Author.books)))]


@app.get("/labels")
async def labels(db: SessionDep):
    def label(book: Book) -> str:
        return f"{book.title} by {book.author.name}"

    return [label(b) for b in await db.scalars(select(Book).options(selectinload(Book.author)))]
