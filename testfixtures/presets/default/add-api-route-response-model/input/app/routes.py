from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Author
from app.schemas import AuthorOut

router = APIRouter()


def list_authors(db: Session = Depends(get_db)):
    return db.scalars(select(Author)).all()


router.add_api_route("/authors", list_authors, methods=["GET"], response_model=list[AuthorOut])


class AuthorRouter:
    def __init__(self) -> None:
        self.router = APIRouter()
        self.router.add_api_route("/authors/{author_id}", self.get_author, methods=["GET"], response_model=AuthorOut)

    def get_author(self, author_id: int, db: Session = Depends(get_db)):
        author = db.get(Author, author_id)
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

    def list_all(self, db: Session = Depends(get_db)):
        return db.scalars(select(self.model)).all()


class AuthorListRouter(ListRouter):
    response_model = AuthorOut


author_list_router = AuthorListRouter(Author, "/all-authors").router
