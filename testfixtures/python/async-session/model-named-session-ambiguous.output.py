from sqlalchemy import Column, Integer
from sqlalchemy.orm import Session

from app.db import Base


class Session(Base):
    __tablename__ = "sessions"
    id = Column(Integer, primary_key=True)


def expire(db: Session, session_id: int) -> None:
    db.query(Session).filter(Session.id == session_id).delete()
