import functools

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.settings import get_settings
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker


def _async_database_url(url) -> str:
    """The URL with its sync driver replaced by the async one (for create_async_engine); str or sqlalchemy URL."""
    drivers = {
        "postgresql": "postgresql+asyncpg",
        "postgresql+psycopg2": "postgresql+asyncpg",
        "postgresql+psycopg": "postgresql+psycopg",
        "sqlite": "sqlite+aiosqlite",
        "mysql": "mysql+aiomysql",
        "mysql+pymysql": "mysql+aiomysql",
    }
    if isinstance(url, str):
        scheme, separator, rest = url.partition("://")
        if separator and scheme in drivers:
            return drivers[scheme] + "://" + rest
    elif hasattr(url, "drivername") and hasattr(url, "set"):
        scheme = url.drivername
        if scheme in drivers:
            return url.set(drivername=drivers[scheme]).render_as_string(hide_password=False)
    else:
        raise TypeError(f"expected a database URL (str or sqlalchemy URL), got {type(url).__name__}")
    raise ValueError(f"no async driver is known for the database URL scheme {scheme!r}; set the async URL by hand")


@functools.lru_cache
def get_engine():
    """One engine per process."""
    return create_engine(get_settings().database_url, connect_args={"check_same_thread": False})


@functools.lru_cache
def get_async_engine():
    return create_async_engine(_async_database_url(get_settings().database_url), connect_args={"check_same_thread": False})


@functools.lru_cache()
def get_session_factory():
    return sessionmaker(bind=get_engine(), autocommit=False, autoflush=False)


@functools.lru_cache()
def get_async_session_factory():
    return async_sessionmaker(get_async_engine(), expire_on_commit=False, autoflush=False)
