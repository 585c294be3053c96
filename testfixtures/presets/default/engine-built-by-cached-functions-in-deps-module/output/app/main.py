from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import get_async_db
from app.db import get_async_engine
from app.models import Base
from app.repo import ItemRepository


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with get_async_engine().begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    await get_async_engine().dispose()


app = FastAPI(lifespan=lifespan)


@app.post("/items")
async def create(name: str, db: AsyncSession = Depends(get_async_db)):
    return {"id": (await ItemRepository(db).add(name)).id}


@app.get("/items/{item_id}")
async def read(item_id: int, db: AsyncSession = Depends(get_async_db)):
    item = await ItemRepository(db).get(item_id)
    return {"name": item.name if item else None}


@app.get("/items")
async def count(db: AsyncSession = Depends(get_async_db)):
    return {"count": await ItemRepository(db).count()}
