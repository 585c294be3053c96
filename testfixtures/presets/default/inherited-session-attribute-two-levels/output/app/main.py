from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Item
from app.repo_items import ItemRepository

app = FastAPI()


@app.post("/items")
async def create_item(name: str, db: AsyncSession = Depends(get_async_db)):
    repo = ItemRepository(db, Item, 1)
    item = await repo.create({"name": name})
    return {"id": item.id}


@app.put("/items/{item_id}")
async def rename_item(item_id: int, name: str, db: AsyncSession = Depends(get_async_db)):
    repo = ItemRepository(db, Item, 1)
    item = await repo.rename(item_id, name)
    return {"id": item.id, "name": item.name}
