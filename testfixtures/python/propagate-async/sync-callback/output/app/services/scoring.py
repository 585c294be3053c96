from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Vote


async def score(db: AsyncSession, item_id: int) -> int:
    return await db.scalar(select(func.count()).where(Vote.item_id == item_id))


async def voted_ids(db: AsyncSession) -> list[int]:
    return (await db.scalars(select(Vote.item_id))).all()
