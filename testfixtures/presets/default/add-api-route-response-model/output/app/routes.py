from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Author
from app.schemas import AuthorOut
from sqlalchemy.orm import selectinload

router = APIRouter()


async def list_authors(db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(Author).options(selectinload(Author.books)))).all()


router.add_api_route("/authors", list_authors, methods=["GET"], response_model=list[AuthorOut])


class AuthorRouter:
    def __init__(self) -> None:
        self.router = APIRouter()
        self.router.add_api_route("/authors/{author_id}", self.get_author, methods=["GET"], response_model=AuthorOut)

    async def get_author(self, author_id: int, db: AsyncSession = Depends(get_async_db)):
        author = await db.get(Author, author_id, options=[selectinload(Author.books)])
        if author is None:
            raise HTTPException(status_code=404)
        return author


author_router = AuthorRouter().router


class ListRouter:
    response_model: type

    def __init__(self, model: type, prefix: str) -> None:
        self.model = model
        self.router = APIRouter(prefix=prefix)
        self.router.add_api_route("/", self.list_all, methods=["GET"], response_model=list[self.response_model])

    async def list_all(self, db: AsyncSession = Depends(get_async_db)):
        return (await db.scalars(select(self.model))).all()


class AuthorListRouter(ListRouter):
    response_model = AuthorOut


author_list_router = AuthorListRouter(Author, "/all-authors").router
