from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool


@lru_cache
def get_engine():
    return create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)


@lru_cache
def get_session_factory():
    return sessionmaker(bind=get_engine())


def get_db():
    with get_session_factory()() as db:
        yield db
