import logging
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from app.models import LogEntry

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

    def __init__(self, db: Session) -> None:
        self.db = db

    def save(self, entry: LogEntry) -> None:
        self.db.add(entry)
        self.db.commit()
