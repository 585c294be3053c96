from app.core import AsyncDBSession
from app.models import Item
from sqlalchemy import func, select


async def count_items():
    async with AsyncDBSession() as db:
        return await db.scalar(select(func.count()).select_from(Item))
