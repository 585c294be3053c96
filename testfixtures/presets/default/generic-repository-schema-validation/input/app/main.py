from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from .db import Base, engine, get_db
from .repo import AuthorRepository

Base.metadata.create_all(engine)
app = FastAPI()


@app.get("/authors/{author_id}")
def read_author(author_id: int, db: Session = Depends(get_db)):
    return AuthorRepository(db).get_one(author_id)


@app.get("/authors/by-name/{name}")
def read_author_by_name(name: str, db: Session = Depends(get_db)):
    return AuthorRepository(db).first_named(name)
