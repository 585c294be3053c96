import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlmodel import SQLModel
from sqlmodel.pool import StaticPool

from app import database
from app.database import get_async_db
from app.main import app
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlalchemy.ext.asyncio import create_async_engine


@pytest_asyncio.fixture(name="session")
async def session_fixture():
    engine = create_async_engine("sqlite+aiosqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture(name="client")
def client_fixture(session: AsyncSession):
    async def get_session_override():
        return session

    app.dependency_overrides[get_async_db] = get_session_override
    # Code opening sessions of its own reads the module's engine: point it at the test database. Once the
    # fixture hands out an AsyncSession, this is its AsyncEngine (reported).
    original = database.engine
    database.engine = session.bind
    yield TestClient(app)
    database.engine = original
    app.dependency_overrides.clear()
