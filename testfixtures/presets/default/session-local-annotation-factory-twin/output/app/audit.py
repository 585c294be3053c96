import logging

from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.models import User


# Only this plain def, kept sync, says Session: the imports come out as they went in.
def record_event(message: str) -> None:
    db: Session = SessionLocal()
    try:
        db.add(User(name=message))
        db.commit()
    finally:
        db.close()


class AuditHandler(logging.Handler):
    def emit(self, record):
        record_event(record.getMessage())
