from app.db.init_db import describe, init_db
from app.db.session import SessionLocal


async def keeps_sync_use() -> None:
    db = SessionLocal()
    await init_db(db)
    print(describe(db))


async def returns_it():
    db = SessionLocal()
    await init_db(db)
    return db


async def in_with() -> None:
    with SessionLocal() as db:
        await init_db(db)


async def reads_sync_attribute() -> None:
    db = SessionLocal()
    await init_db(db)
    db.flush_later = True
