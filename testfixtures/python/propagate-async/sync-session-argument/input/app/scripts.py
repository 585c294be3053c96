from app.db.init_db import describe, init_db
from app.db.session import SessionLocal


def keeps_sync_use() -> None:
    db = SessionLocal()
    init_db(db)
    print(describe(db))


def returns_it():
    db = SessionLocal()
    init_db(db)
    return db


def in_with() -> None:
    with SessionLocal() as db:
        init_db(db)


def reads_sync_attribute() -> None:
    db = SessionLocal()
    init_db(db)
    db.flush_later = True
