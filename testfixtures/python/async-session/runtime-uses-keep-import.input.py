from sqlalchemy.orm import Session, sessionmaker

from app.db import engine

SessionLocal = sessionmaker(bind=engine, class_=Session)


class AuditedSession(Session):
    pass


def run_report(db: Session) -> int:
    if not isinstance(db, Session):
        raise TypeError("expected a session")
    with Session(engine) as scratch:
        return scratch.scalar(1)
