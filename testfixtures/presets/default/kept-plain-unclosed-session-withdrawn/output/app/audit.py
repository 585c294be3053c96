import logging

from app.db import SessionLocal
from app.models import Note


# Only logging's synchronous emit() calls it, so it stays a plain def and keeps the sync factory: the session it
# never closes is a sync Session, closed quietly by garbage collection, as before the migration.
def record(text: str) -> None:
    db = SessionLocal()
    db.add(Note(text=text))
    db.commit()


class NoteHandler(logging.Handler):
    def emit(self, record_: logging.LogRecord) -> None:
        record(record_.getMessage())
