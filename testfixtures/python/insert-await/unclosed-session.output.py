from sqlalchemy import text

from app.db.session import AsyncSessionLocal


def check() -> None:
    db = AsyncSessionLocal()
    await db.execute(text("SELECT 1"))


def check_closed() -> None:
    db = AsyncSessionLocal()
    try:
        await db.execute(text("SELECT 1"))
    finally:
        await db.close()


def make():
    db = AsyncSessionLocal()
    await db.execute(text("SELECT 1"))
    return db
