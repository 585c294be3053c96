import logging
from typing import Optional

from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.models import User


# Made async, its factory call becomes the async twin: the local then holds an AsyncSession, and says so.
def count_users() -> int:
    db: Session = SessionLocal()
    try:
        return len(db.query(User).all())
    finally:
        db.close()


def first_user_name() -> Optional[str]:
    db: Optional[Session] = SessionLocal()
    try:
        user = db.query(User).first()
        return user.name if user else None
    finally:
        db.close()


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
