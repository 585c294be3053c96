import logging
from typing import Optional

from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal, SessionLocal
from app.models import User
from sqlalchemy import select
from sqlalchemy.orm import Session


# Made async, its factory call becomes the async twin: the local then holds an AsyncSession, and says so.
async def count_users() -> int:
    db: AsyncSession = AsyncSessionLocal()
    try:
        return len((await db.scalars(select(User))).all())
    finally:
        await db.close()


async def first_user_name() -> Optional[str]:
    db: Optional[AsyncSession] = AsyncSessionLocal()
    try:
        user = await db.scalar(select(User).limit(1))
        return user.name if user else None
    finally:
        await db.close()


# logging calls emit() synchronously: the helper it alone calls stays a plain def, its factory call and annotation
# go back to the sync ones.
def record_user(name: str) -> None:
    db: Session = SessionLocal()
    db.add(User(name=name))
    db.commit()
    db.close()


class UserLogHandler(logging.Handler):
    def emit(self, record):
        record_user(record.getMessage())
