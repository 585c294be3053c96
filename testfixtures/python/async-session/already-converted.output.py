from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db


async def read_items(db: AsyncSession = Depends(get_async_db)):
    return (await db.execute(1)).all()
