from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.repo import ItemRepository, list_items

app = FastAPI()


def get_repo():
    return ItemRepository()


@app.get("/items")
async def read_items(db: AsyncSession = Depends(get_async_db)):
    return [item.name for item in await list_items(db)]


@app.get("/items/{item_id}")
async def read_item(item_id: int, db: AsyncSession = Depends(get_async_db), repo: ItemRepository = Depends(get_repo)):
    item = await repo.by_id(item_id, db)
    return item.name
