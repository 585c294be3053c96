from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal, SessionLocal


async def load(db: AsyncSession):
    return (await db.execute(text("select 1"))).scalar()


# Opened at import time: a sync Session.
db = SessionLocal()


async def refresh():
    return await load(db)


async def refresh_local():
    db = AsyncSessionLocal()
    return await load(db)


async def refresh_given(db: AsyncSession):
    return await load(db)


worker = AsyncSessionLocal()


async def refresh_worker():
    return await load(worker)


if __name__ == "__main__":
    with SessionLocal() as session:
        load(session)
