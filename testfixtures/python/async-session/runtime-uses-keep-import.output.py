from sqlalchemy.orm import Session, sessionmaker

from app.db import engine
from sqlalchemy.ext.asyncio import AsyncSession

SessionLocal = sessionmaker(bind=engine, class_=Session)


class AuditedSession(Session):
    pass


def run_report(db: AsyncSession) -> int:
    if not isinstance(db, Session):
        raise TypeError("expected a session")
    with Session(engine) as scratch:
        return scratch.scalar(1)
