from typing import Generator

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db.session import AsyncSessionLocal, SessionLocal


def get_db() -> Generator:
    db = SessionLocal()
    try:
        yield db
    except Exception:
        db.rollback()
        raise
    finally:
        db.close()


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session


def get_current_user(db: Session = Depends(get_db)):
    return None
