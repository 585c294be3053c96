from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("postgresql://app@localhost/app")
SessionLocal = sessionmaker(bind=engine)


@contextmanager
def app_session() -> Iterator[Session]:
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


def get_session():
    # Not get_db, and its session comes from the project's own context manager: it stays sync.
    with app_session() as db:
        yield db
