from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import Base, engine, get_async_db
from app.models import Item
from sqlalchemy import select

Base.metadata.create_all(bind=engine)

app = FastAPI()


class ItemIn(BaseModel):
    name: str


@app.post("/items")
async def create_item(payload: ItemIn, db: AsyncSession = Depends(get_async_db)):
    item = Item(name=payload.name)
    db.add(item)
    await db.commit()
    await db.refresh(item)
    return {"id": item.id, "name": item.name}


@app.get("/items/{item_id}")
async def read_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    item = await db.scalar(select(Item).where(Item.id == item_id).limit(1))
    if item is None:
        raise HTTPException(status_code=404, detail="not found")
    return {"id": item.id, "name": item.name}
