from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import db as database
from app.jobs import count_items, first_name
from app.models import Item
from sqlalchemy import select
from sqlalchemy.orm import Session

app = FastAPI()


@app.get("/items")
async def list_items(db: AsyncSession = Depends(database.get_async_db)):
    return {"n": len((await db.scalars(select(Item))).all()), "c": await count_items(), "first": await first_name()}


@app.get("/items/{item_id}")
def get_item(item_id: int, db: Session = Depends(database.get_session)):
    item = db.get(Item, item_id)
    return {"name": item.name if item else None}
