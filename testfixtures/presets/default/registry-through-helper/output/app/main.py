from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.setup import stock

app = FastAPI()


@app.post("/products")
async def create_product(title: str, db: AsyncSession = Depends(get_async_db)):
    await stock(db, title)
    return {"ok": True}
