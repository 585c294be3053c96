import functools

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.core.config import settings


@functools.cache
def get_engine():
    return create_engine(settings.SQLALCHEMY_DATABASE_URI, echo=settings.DEBUG)


@functools.lru_cache(maxsize=None)
def get_session_factory() -> sessionmaker:
    return sessionmaker(get_engine(), autoflush=False, expire_on_commit=True)


def get_db():
    with get_session_factory()() as session:
        yield session
        session.commit()
