from fastapi import APIRouter, Depends
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.reports.db import get_async_db

router = APIRouter()


@router.get("/reports/count")
async def count_reports(db: AsyncSession = Depends(get_async_db)):
    return {"count": (await db.execute(text("select 1"))).scalar()}
