import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool

from app.database import Base, get_async_db
from app.main import app


# One engine and schema for the run; each test in a transaction rolled back after it.
@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def engine():
    engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield engine
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)


@pytest_asyncio.fixture
async def db(engine):
    async with engine.connect() as connection:
        transaction = await connection.begin()
        async with AsyncSession(bind=connection, expire_on_commit=False, autoflush=False) as session:
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
