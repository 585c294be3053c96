import logging

from sqlalchemy.orm import Session

from app.models import LogEntry


# logging calls emit() itself, synchronously: the handler stays sync, and so does the session it keeps.
class DatabaseLogHandler(logging.Handler):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session: Session = session
        self.client = None

    def emit(self, record: logging.LogRecord) -> None:
        self.session.add(LogEntry(message=record.getMessage()))
        self.session.commit()
