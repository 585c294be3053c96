from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.container import container


@lru_cache
def get_engine():
    return create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})


def get_container_engine():
    return container.engine


@lru_cache
def get_session_factory():
    return sessionmaker(bind=get_container_engine(), autoflush=False)


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()
