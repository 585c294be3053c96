from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Item, get_async_db

app = FastAPI()


@app.get("/items/{item_id}")
async def read_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    item = await db.get(Item, item_id)
    return {"name": item.name if item else None}
