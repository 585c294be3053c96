from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Author, Book
from app.schemas import AuthorPage

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


@app.get("/authors", response_model=AuthorPage)
def list_authors(db: SessionDep, limit: int = 10):
    authors = db.scalars(select(Author).limit(limit)).all()
    total = db.scalar(select(func.count()).select_from(Author))
    return {"items": authors, "total": total}


@app.get("/authors/page")
def page(db: SessionDep) -> AuthorPage:
    authors = db.scalars(select(Author)).all()
    return AuthorPage(items=authors, total=len(authors))
