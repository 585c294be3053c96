import os
import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool
from fastapi.testclient import TestClient
from app.main import app
from app.db import get_async_db
from app.models import Base


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


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def engine():
    engine = create_async_engine(_async_database_url(os.environ["TEST_DATABASE_URL"]), poolclass=NullPool)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield engine
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)


@pytest_asyncio.fixture
async def db_session(engine):
    async with engine.connect() as connection:
        transaction = await connection.begin()
        async with AsyncSession(bind=connection, expire_on_commit=False) as session:
            yield session
        await transaction.rollback()


@pytest.fixture
def client(db_session):
    app.dependency_overrides[get_async_db] = lambda: db_session
    yield TestClient(app)
    app.dependency_overrides.clear()
