from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession
from .db import get_async_db, get_db
from .models import Item
from sqlalchemy import select
from sqlalchemy.orm import Session

app = FastAPI()


class ItemService:
    def __init__(self, db: AsyncSession = Depends(get_async_db)):
        self.db = db

    async def get(self, item_id: int):
        return await self.db.scalar(select(Item).where(Item.id == item_id).limit(1))


class Counter:
    def __init__(self, db: Session = Depends(get_db)):
        self.total = db.query(Item).count()


@app.get("/items/{item_id}")
async def read_item(item_id: int, svc: ItemService = Depends()):
    return await svc.get(item_id)


@app.get("/count")
def count(c: Counter = Depends()):
    return {"total": c.total}
