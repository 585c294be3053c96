from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Tag


async def tag_count(db: AsyncSession) -> int:
    return await db.scalar(select(func.count(Tag.id)))
