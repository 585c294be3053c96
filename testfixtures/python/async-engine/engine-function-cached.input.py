from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.models import Base

DATABASE_URL = "sqlite:///./app.db"


@lru_cache
def get_engine():
    """The process's engine, made on first use."""
    return create_engine(
        DATABASE_URL,
        connect_args={"check_same_thread": False},
        pool_pre_ping=True,
    )


@lru_cache()
def get_session_factory():
    return sessionmaker(bind=get_engine(), autocommit=False, autoflush=False)


def init_db():
    Base.metadata.create_all(bind=get_engine())


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()
