from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Author, Book

app = FastAPI()
SessionDep = Annotated[Session, Depends(get_db)]


def describe(author: Author) -> str:
    return f"{author.name}: {', '.join(b.title for b in author.books)}"


@app.post("/seed")
def seed(db: SessionDep):
    author = Author(name="le guin")
    db.add(author)
    db.flush()
    db.add(Book(title="earthsea", author_id=author.id))
    db.commit()
    return {"id": author.id}


@app.get("/described")
def described(db: SessionDep):
    return [describe(a) for a in db.scalars(select(Author))]


@app.get("/labels")
def labels(db: SessionDep):
    def label(book: Book) -> str:
        return f"{book.title} by {book.author.name}"

    return [label(b) for b in db.scalars(select(Book))]
