import logging

from sqlalchemy.orm import Session

from app.db import async_engine, engine
from app.models import User
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession


# A session made on the engine becomes an AsyncSession on the async engine, and the annotation follows.
async def user_count() -> int:
    db: AsyncSession = AsyncSession(async_engine, expire_on_commit=False)
    try:
        return len((await db.scalars(select(User))).all())
    finally:
        await db.close()


# Kept sync (logging calls emit() synchronously): the session on the engine and its annotation go back together.
def record_report(message: str) -> None:
    db: Session = Session(engine)
    try:
        db.add(User(name=message))
        db.commit()
    finally:
        db.close()


class ReportHandler(logging.Handler):
    def emit(self, record):
        record_report(record.getMessage())
