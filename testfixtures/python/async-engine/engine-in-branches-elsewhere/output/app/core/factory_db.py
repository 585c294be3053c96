from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from app.core.config import settings
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


if settings.TESTING:
    engine = create_engine("sqlite:///./test.db", poolclass=StaticPool)
    async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=StaticPool)
    SessionLocal = sessionmaker(bind=engine, autoflush=False)
    AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)
else:
    engine = create_engine(settings.DATABASE_URL)
    async_engine = create_async_engine(_async_database_url(settings.DATABASE_URL))
    SessionLocal = sessionmaker(bind=engine, autoflush=False)
    AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)
