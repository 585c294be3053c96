from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Author, Book
from app.schemas import AuthorPage
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


@app.get("/authors", response_model=AuthorPage)
async def list_authors(db: SessionDep, limit: int = 10):
    authors = (await db.scalars(select(Author).options(selectinload(Author.books)).limit(limit))).all()
    total = await db.scalar(select(func.count()).select_from(Author))
    return {"items": authors, "total": total}


@app.get("/authors/page")
async def page(db: SessionDep) -> AuthorPage:
    authors = (await db.scalars(select(Author).options(selectinload(Author.books)))).all()
    return AuthorPage(items=authors, total=len(authors))
