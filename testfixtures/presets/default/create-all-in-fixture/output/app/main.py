from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db

app = FastAPI()


async def ping(db: AsyncSession):
    await db.commit()
    return {"ok": True}


@app.get("/ping")
async def ping_route(db: AsyncSession = Depends(get_async_db)):
    return await ping(db)
