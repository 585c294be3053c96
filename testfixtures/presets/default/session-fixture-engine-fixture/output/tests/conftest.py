import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool

from app.database import get_async_db
from app.main import app
from app.models import User, table_registry


@pytest.fixture(scope="session")
def engine():
    _engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
    yield _engine
    _engine.sync_engine.dispose()


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
