import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool

from app.database import get_async_db
from app.main import app
from app.models import table_registry


@pytest_asyncio.fixture
async def session():
    engine = create_async_engine("sqlite+aiosqlite:///./asdict_test.db", poolclass=NullPool)
    async with engine.begin() as conn:
        await conn.run_sync(table_registry.metadata.create_all)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        yield session
    async with engine.begin() as conn:
        await conn.run_sync(table_registry.metadata.drop_all)
    await engine.dispose()


@pytest.fixture
def client(session):
    async def get_db_override():
        return session

    with TestClient(app) as client:
        app.dependency_overrides[get_async_db] = get_db_override
        yield client
    app.dependency_overrides.clear()
