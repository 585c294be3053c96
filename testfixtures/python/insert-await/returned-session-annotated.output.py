from typing import Optional

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db.session import AsyncSessionLocal, SessionLocal


def new_session() -> Session:
    db = SessionLocal()
    db.execute(text("SET search_path TO app"))
    return db


def maybe_session(schema: str) -> Optional[Session]:
    db = SessionLocal()
    db.execute(text(f"SET search_path TO {schema}"))
    return db if schema else None


def ping() -> None:
    db = AsyncSessionLocal()
    try:
        await db.execute(text("SELECT 1"))
    finally:
        await db.close()
