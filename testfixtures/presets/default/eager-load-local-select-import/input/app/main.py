from typing import Annotated

from fastapi import Depends, FastAPI
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


@app.get("/titles")
def titles(db: SessionDep):
    # Imported here, as some projects do to keep the module's imports light.
    from sqlalchemy import select

    return [[b.title for b in a.books] for a in db.scalars(select(Author))]


@app.get("/authors/{author_id}/count")
def book_count(author_id: int, db: SessionDep):
    import sqlalchemy as sa

    author = db.scalar(sa.select(Author).where(Author.id == author_id))
    return {"books": len(author.books)}
