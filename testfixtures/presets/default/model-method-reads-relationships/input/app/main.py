from sqlalchemy import select
from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Author, Book
from app.service import AuthorService

app = FastAPI()
SessionDep = Annotated[Session, Depends(get_db)]


def get_service(db: SessionDep) -> AuthorService:
    return AuthorService(db)


@app.post("/seed")
def seed(db: SessionDep):
    a = Author(name="le guin")
    db.add(a)
    db.flush()
    db.add(Book(title="earthsea", author_id=a.id))
    db.commit()
    return {"id": a.id}


@app.get("/authors/{author_id}")
def read(author_id: int, service: Annotated[AuthorService, Depends(get_service)]):
    return service.get(author_id)


@app.get("/authors")
def read_all(service: Annotated[AuthorService, Depends(get_service)]):
    return service.all()


@app.get("/raw")
def raw(db: SessionDep):
    return [a.to_dict() for a in db.scalars(select(Author))]
