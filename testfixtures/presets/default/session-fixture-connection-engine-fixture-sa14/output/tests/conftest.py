import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool

from app.database import Base, get_async_db
from app.main import app

TEST_DATABASE_URL = "sqlite:///./test.db"


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


@pytest_asyncio.fixture
async def engine():
    # The test database is a file the TestClient thread shares.
    engine = create_async_engine(_async_database_url(TEST_DATABASE_URL), connect_args={"check_same_thread": False}, poolclass=NullPool)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield engine
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
    await engine.dispose()


@pytest_asyncio.fixture
async def db(engine):
    async with engine.connect() as connection:
        transaction = await connection.begin()
        async with AsyncSession(bind=connection, expire_on_commit=False) as session:
            yield session
        await transaction.rollback()


@pytest.fixture
def client(db):
    async def override_get_db():
        yield db

    app.dependency_overrides[get_async_db] = override_get_db
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()
