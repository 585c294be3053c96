from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Item

app = FastAPI()


@app.post("/items")
async def create_item(title: str, db: AsyncSession = Depends(get_async_db)):
    item = Item(title=title)
    db.add(item)
    await db.commit()
    await db.refresh(item)
    return {"id": item.id, "title": item.title}
