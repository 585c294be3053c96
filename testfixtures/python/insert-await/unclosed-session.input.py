from sqlalchemy import text

from app.db.session import SessionLocal


def check() -> None:
    db = SessionLocal()
    db.execute(text("SELECT 1"))


def check_closed() -> None:
    db = SessionLocal()
    try:
        db.execute(text("SELECT 1"))
    finally:
        db.close()


def make():
    db = SessionLocal()
    db.execute(text("SELECT 1"))
    return db
