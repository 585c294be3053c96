import logging
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LogEntry
from sqlalchemy.orm import Session

T = TypeVar("T")


class DatabaseLogHandler(logging.Handler):
    """logging calls emit() itself, synchronously: made async, it would never write a row."""

    def __init__(self, db: Session) -> None:
        super().__init__()
        self.db = db

    def emit(self, record: logging.LogRecord) -> None:
        self.db.add(LogEntry(message=record.getMessage()))
        self.db.commit()


class Repository(Generic[T]):
    """Generic[...] calls nothing: its methods are converted as usual."""

    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def save(self, entry: LogEntry) -> None:
        self.db.add(entry)
        await self.db.commit()
