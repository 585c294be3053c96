from app.core import AsyncJobSession
from app.db import AsyncSessionLocal
from app.models import Item
from sqlalchemy import delete, func, select


async def cleanup():
    async with AsyncSessionLocal() as db:
        await db.execute(delete(Item).where(Item.name == "").execution_options(synchronize_session='evaluate'))
        await db.commit()


async def count_items():
    db = AsyncJobSession()
    try:
        return await db.scalar(select(func.count()).select_from(Item))
    finally:
        await db.close()
