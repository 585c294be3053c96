from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("postgresql://app@localhost/app")
async_engine = create_async_engine("postgresql+asyncpg://app@localhost/app")
SessionLocal = sessionmaker(bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


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
