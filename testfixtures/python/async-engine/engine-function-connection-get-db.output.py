from functools import lru_cache

from sqlalchemy import create_engine


@lru_cache
def get_engine():
    return create_engine("postgresql://app:secret@db/app", pool_pre_ping=True)


def get_db():
    with get_engine().connect() as connection:
        yield connection
