import functools

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.settings import get_settings


@functools.lru_cache
def get_engine():
    """One engine per process."""
    return create_engine(get_settings().database_url, connect_args={"check_same_thread": False})


@functools.lru_cache()
def get_session_factory():
    return sessionmaker(bind=get_engine(), autocommit=False, autoflush=False)
