from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.repos import ItemRepository, Parser

app = FastAPI()


@app.post("/items")
async def create_item(name: str, db: AsyncSession = Depends(get_async_db)):
    item = await ItemRepository(db).create(name)
    return {"id": item.id}


@app.post("/parse")
async def parse(text: str, db: AsyncSession = Depends(get_async_db)):
    return {"parsed": await Parser(db).parse_one(text)}
