from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker


@lru_cache
def get_engine():
    return create_engine("postgresql://app@db/app", connect_args={"sslmode": "require"})


@lru_cache
def get_session_factory():
    return sessionmaker(bind=get_engine(), autoflush=False)


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()
