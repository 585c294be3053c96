import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool
from testcontainers.postgres import PostgresContainer

from app.database import get_async_db
from app.main import app
from app.models import User, table_registry


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
    with PostgresContainer("postgres:16", driver="psycopg") as postgres:
        _engine = create_async_engine(_async_database_url(postgres.get_connection_url()), poolclass=NullPool)

        async with _engine.begin():
            yield _engine


@pytest_asyncio.fixture
async def session(engine):
    async with engine.begin() as conn:
        await conn.run_sync(table_registry.metadata.create_all)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        yield session
    async with engine.begin() as conn:
        await conn.run_sync(table_registry.metadata.drop_all)


@pytest.fixture
def client(session):
    async def get_session_override():
        return session

    with TestClient(app) as client:
        app.dependency_overrides[get_async_db] = get_session_override
        yield client
    app.dependency_overrides.clear()


@pytest_asyncio.fixture
async def user(session):
    user = User(username="Teste")
    session.add(user)
    await session.commit()
    await session.refresh(user)
    return user
