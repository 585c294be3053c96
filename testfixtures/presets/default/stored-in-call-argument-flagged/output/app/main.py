from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import AsyncSessionLocal, get_async_db


async def seed():
    async with AsyncSessionLocal() as db:
        await crud.get_item(db, 1)


# FastAPI awaits a coroutine function given as a start-up handler: no finding here.
app = FastAPI(on_startup=[seed])


@app.get("/items/{item_id}")
async def read_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    return await crud.get_item(db, item_id)
