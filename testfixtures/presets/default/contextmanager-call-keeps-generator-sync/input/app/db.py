import contextlib
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine, expire_on_commit=False)
Base = declarative_base()


def get_session():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


# The decorator applied as a call: `with get_db() as db:` drives get_session with next(), so it stays a sync generator.
get_db = contextmanager(get_session)


def _read_only():
    with SessionLocal() as db:
        yield db


read_only_db = contextlib.contextmanager(_read_only)
