from fastapi import FastAPI, Depends
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy import select
from app.db import get_async_db
from app.models import Item

app = FastAPI()


@app.get("/items")
async def list_items(db: AsyncSession = Depends(get_async_db)):
    return [i.name for i in (await db.scalars(select(Item))).all()]


async def create_item(db: AsyncSession, name: str):
    item = Item(name=name)
    db.add(item)
    await db.commit()
    return item
