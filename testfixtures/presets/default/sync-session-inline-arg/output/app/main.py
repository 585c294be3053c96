from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import SessionLocal, engine, get_async_db, get_db
from app.models import Tag
from app.seed import init_db
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy import select


@asynccontextmanager
async def lifespan(app: FastAPI):
    await init_db(Session(engine))
    yield


app = FastAPI(lifespan=lifespan)


@app.on_event("startup")
async def seed_again():
    await init_db(SessionLocal())


@app.get("/tags")
async def tags(db: AsyncSession = Depends(get_async_db)):
    await init_db(db)
    return [t.name for t in (await db.scalars(select(Tag))).all()]


@app.on_event("startup")
async def seed_from_dependency():
    await init_db(next(get_db()))
