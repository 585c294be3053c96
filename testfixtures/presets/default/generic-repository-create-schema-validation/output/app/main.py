from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from .db import Base, engine, get_async_db, get_db
from .repo import AuthorRepository
from sqlalchemy.orm import Session

Base.metadata.create_all(engine)
app = FastAPI()


@app.post("/authors")
async def create_author(name: str, db: AsyncSession = Depends(get_async_db)):
    return await AuthorRepository(db).create({"name": name})


@app.post("/authors/out")
async def create_author_out(name: str, db: AsyncSession = Depends(get_async_db)):
    return await AuthorRepository(db).create_out({"name": name})


@app.post("/authors/loaded")
async def create_author_loaded(name: str, db: AsyncSession = Depends(get_async_db)):
    return await AuthorRepository(db).create_loaded({"name": name})


@app.post("/authors/preview")
def preview_author(name: str, db: Session = Depends(get_db)):
    return AuthorRepository(db).preview({"id": 0, "name": name})
