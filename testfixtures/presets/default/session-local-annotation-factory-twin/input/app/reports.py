import logging

from sqlalchemy.orm import Session

from app.db import engine
from app.models import User


# A session made on the engine becomes an AsyncSession on the async engine, and the annotation follows.
def user_count() -> int:
    db: Session = Session(engine)
    try:
        return len(db.query(User).all())
    finally:
        db.close()


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
