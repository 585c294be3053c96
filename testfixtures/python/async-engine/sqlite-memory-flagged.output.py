from sqlalchemy import create_engine
from sqlalchemy.orm import declarative_base, sessionmaker
from sqlalchemy.pool import StaticPool
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

MEMORY_URL = "sqlite:///:memory:"


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


# Each of these databases lives in its own connection: the async twin opens another, empty one.
engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
async_engine = create_async_engine("sqlite+aiosqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
SessionLocal = sessionmaker(bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)

cache_engine = create_engine(MEMORY_URL)
async_cache_engine = create_async_engine(_async_database_url(MEMORY_URL))
CacheSession = sessionmaker(bind=cache_engine)
AsyncCacheSession = async_sessionmaker(async_cache_engine, expire_on_commit=False)

named_engine = create_engine("sqlite:///:memory:?check_same_thread=false", echo=True)
async_named_engine = create_async_engine("sqlite+aiosqlite:///:memory:?check_same_thread=false", echo=True)
NamedSession = sessionmaker(bind=named_engine)
AsyncNamedSession = async_sessionmaker(async_named_engine, expire_on_commit=False)

# Shared in the process, but only while a connection to it stays open.
shared_engine = create_engine("sqlite:///file::memory:?cache=shared&uri=true")
async_shared_engine = create_async_engine("sqlite+aiosqlite:///file::memory:?cache=shared&uri=true")
SharedSession = sessionmaker(bind=shared_engine)
AsyncSharedSession = async_sessionmaker(async_shared_engine, expire_on_commit=False)

# A file: both engines open the same database.
file_engine = create_engine("sqlite:///./jobs.db")
async_file_engine = create_async_engine("sqlite+aiosqlite:///./jobs.db")
FileSession = sessionmaker(bind=file_engine)
AsyncFileSession = async_sessionmaker(async_file_engine, expire_on_commit=False)

Base = declarative_base()
Base.metadata.create_all(bind=engine)
