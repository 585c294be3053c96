from app.db import AsyncSessionLocal
from app.svc import get_item


async def nightly():
    async with AsyncSessionLocal() as db:
        return await get_item(db, 1)
