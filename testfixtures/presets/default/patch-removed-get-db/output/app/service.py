from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db

router = APIRouter()


@router.post("/touch")
async def touch(db: AsyncSession = Depends(get_async_db)):
    await db.commit()
    return {"ok": True}
