from functools import lru_cache

from sqlalchemy import create_engine, event
from sqlalchemy.orm import sessionmaker


def _enable_foreign_keys(dbapi_connection, connection_record):
    dbapi_connection.execute("PRAGMA foreign_keys=ON")


@lru_cache
def get_engine():
    engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _enable_foreign_keys)
    return engine


@lru_cache
def get_session_factory():
    return sessionmaker(bind=get_engine(), autoflush=False)


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()
