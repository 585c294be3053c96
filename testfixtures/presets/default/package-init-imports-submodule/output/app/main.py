from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.services import items

app = FastAPI()


@app.post("/items")
async def create(name: str, db: AsyncSession = Depends(get_async_db)):
    item = await items.create_item(db, name)
    return {"id": item.id}
