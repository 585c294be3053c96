from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Batch


async def get_batch(db: AsyncSession, reference: str):
    return await db.scalar(select(Batch).where(Batch.reference == reference))
