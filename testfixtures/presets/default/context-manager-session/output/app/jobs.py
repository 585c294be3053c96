from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import app_session
from app.models import Item


async def count_items(db: AsyncSession) -> int:
    return await db.scalar(select(func.count(Item.id)))


async def nightly_job() -> dict:
    with app_session() as db:
        ids = db.execute(select(Item.id)).all()
        total = await count_items(db)
    return {"ids": ids, "total": total}
