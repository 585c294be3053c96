from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

DEFAULT_URL = "sqlite:///./app.db"


@lru_cache
def get_engine(url: str = DEFAULT_URL):
    return create_engine(url, connect_args={"check_same_thread": False})


@lru_cache
def get_session_factory():
    return sessionmaker(bind=get_engine(), autoflush=False)


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()
