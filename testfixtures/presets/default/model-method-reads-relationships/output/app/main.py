from sqlalchemy import select
from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Author, Book
from app.service import AuthorService
from sqlalchemy.orm import selectinload

app = FastAPI()
SessionDep = Annotated[AsyncSession, Depends(get_async_db)]


def get_service(db: SessionDep) -> AuthorService:
    return AuthorService(db)


@app.post("/seed")
async def seed(db: SessionDep):
    a = Author(name="le guin")
    db.add(a)
    await db.flush()
    db.add(Book(title="earthsea", author_id=a.id))
    await db.commit()
    return {"id": a.id}


@app.get("/authors/{author_id}")
async def read(author_id: int, service: Annotated[AuthorService, Depends(get_service)]):
    return await service.get(author_id)


@app.get("/authors")
async def read_all(service: Annotated[AuthorService, Depends(get_service)]):
    return await service.all()


@app.get("/raw")
async def raw(db: SessionDep):
    return [a.to_dict() for a in await db.scalars(select(Author).options(selectinload(Author.books)))]
