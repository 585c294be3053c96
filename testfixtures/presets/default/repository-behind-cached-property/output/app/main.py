from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.factory import AllRepositories
from app.service import ItemService, add_one

app = FastAPI()


@app.post("/items")
async def create_item(name: str, db: AsyncSession = Depends(get_async_db)):
    # `items` is a cached_property: the call is ItemRepository.add, made async.
    return {"id": (await AllRepositories(db).items.add(name)).id}


@app.post("/two")
async def create_two(name: str, db: AsyncSession = Depends(get_async_db)):
    await ItemService(AllRepositories(db)).add_two(name)
    return {"id": (await add_one(AllRepositories(db), name)).id}
