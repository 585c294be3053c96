from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Author, Book

app = FastAPI()
SessionDep = Annotated[Session, Depends(get_db)]


@app.post("/seed")
def seed(db: SessionDep):
    author = Author(name="le guin")
    db.add(author)
    db.flush()
    db.add(Book(title="earthsea", author_id=author.id))
    db.commit()
    return {"id": author.id}


@app.get("/ranked")
def ranked(db: SessionDep):
    authors = db.scalars(select(Author)).all()
    return [a.name for a in sorted(authors, key=lambda a: len(a.books), reverse=True)]


@app.get("/prolific")
def prolific(db: SessionDep):
    return max(db.scalars(select(Author)).all(), key=lambda a: len(a.books)).name


@app.get("/authors-of-books")
def authors_of_books(db: SessionDep):
    return list(map(lambda b: b.author.name, db.scalars(select(Book)).all()))
