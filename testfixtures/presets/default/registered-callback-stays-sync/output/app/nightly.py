from sqlalchemy import delete

from app.db import AsyncSessionLocal
from app.models import Item


async def nightly():
    async with AsyncSessionLocal() as db:
        await db.execute(delete(Item))
        await db.commit()
