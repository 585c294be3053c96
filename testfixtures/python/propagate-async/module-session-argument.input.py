from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal, SessionLocal


def load(db: AsyncSession):
    return (await db.execute(text("select 1"))).scalar()


# Opened at import time: a sync Session.
db = SessionLocal()


def refresh():
    return load(db)


def refresh_local():
    db = AsyncSessionLocal()
    return load(db)


def refresh_given(db: AsyncSession):
    return load(db)


worker = AsyncSessionLocal()


def refresh_worker():
    return load(worker)


if __name__ == "__main__":
    with SessionLocal() as session:
        load(session)
