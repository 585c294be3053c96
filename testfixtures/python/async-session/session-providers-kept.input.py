from typing import Generator, Iterator

from sqlalchemy.orm import Session, sessionmaker

SessionLocal = sessionmaker()


def get_db() -> Generator[Session, None, None]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def get_db_plain() -> Iterator[Session]:
    with SessionLocal() as db:
        yield db


def make_session() -> Session:
    return SessionLocal()


def count_users(db: Session) -> int:
    return db.query(User).count()
