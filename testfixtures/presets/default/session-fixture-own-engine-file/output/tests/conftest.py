import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlmodel import SQLModel

from app.main import app, get_async_db
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool


@pytest_asyncio.fixture(name="session")
async def session_fixture():
    # A database file, and no pool named: the async engine gets NullPool, as test engines do.
    engine = create_async_engine(
        "sqlite+aiosqlite:///./test.db",
        connect_args={"check_same_thread": False}, poolclass=NullPool,
    )
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        yield session
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.drop_all)


@pytest.fixture(name="client")
def client_fixture(session: AsyncSession):
    async def get_session_override():
        return session

    app.dependency_overrides[get_async_db] = get_session_override
    client = TestClient(app)
    yield client
    app.dependency_overrides.clear()
