from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from .db import Base, engine, get_async_db
from .repo import AuthorRepository

Base.metadata.create_all(engine)
app = FastAPI()


@app.get("/authors/{author_id}")
async def read_author(author_id: int, db: AsyncSession = Depends(get_async_db)):
    return await AuthorRepository(db).get_one(author_id)


@app.get("/authors/by-name/{name}")
async def read_author_by_name(name: str, db: AsyncSession = Depends(get_async_db)):
    return await AuthorRepository(db).first_named(name)
