import os

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

DB_USER = os.environ["DB_USER"]
DB_PASSWORD = os.environ["DB_PASSWORD"]
DB_HOST = os.getenv("DB_HOST", "localhost")

connect_args = {"check_same_thread": False} if os.getenv("DB_KIND") == "sqlite" else {}


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


engine = sa.create_engine(
    f"postgresql://{DB_USER}:{DB_PASSWORD}@{DB_HOST}/app",
    connect_args=connect_args,
    echo=bool(os.getenv("SQL_ECHO")),
)
async_engine = create_async_engine(
    _async_database_url(f"postgresql://{DB_USER}:{DB_PASSWORD}@{DB_HOST}/app"),
    connect_args=connect_args,
    echo=bool(os.getenv("SQL_ECHO")),
)
session_factory = orm.sessionmaker(engine, autoflush=False)
async_session_factory = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)
