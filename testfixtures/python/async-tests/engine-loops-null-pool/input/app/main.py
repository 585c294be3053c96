from fastapi import Depends, FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db

app = FastAPI()


@app.get("/ping")
async def ping(db: AsyncSession = Depends(get_async_db)) -> dict:
    await db.execute(text("SELECT 1"))
    return {"ok": True}


async def count_users(db: AsyncSession) -> int:
    return (await db.execute(text("SELECT count(*) FROM users"))).scalar_one()
