from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from .db import Base, engine, get_db
from .repo import AuthorRepository

Base.metadata.create_all(engine)
app = FastAPI()


@app.post("/authors")
def create_author(name: str, db: Session = Depends(get_db)):
    return AuthorRepository(db).create({"name": name})


@app.post("/authors/out")
def create_author_out(name: str, db: Session = Depends(get_db)):
    return AuthorRepository(db).create_out({"name": name})


@app.post("/authors/loaded")
def create_author_loaded(name: str, db: Session = Depends(get_db)):
    return AuthorRepository(db).create_loaded({"name": name})


@app.post("/authors/preview")
def preview_author(name: str, db: Session = Depends(get_db)):
    return AuthorRepository(db).preview({"id": 0, "name": name})
