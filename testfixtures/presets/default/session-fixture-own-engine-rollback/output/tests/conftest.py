import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlmodel import SQLModel
from sqlmodel.pool import StaticPool

from app.main import app, get_async_db
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlalchemy.ext.asyncio import create_async_engine


@pytest_asyncio.fixture(name="session")
async def session_fixture():
    engine = create_async_engine("sqlite+aiosqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)
    # The rollback undoes what the test left uncommitted (the fast_zero course's fixture): in the async form,
    # leaving `async with` closes the session, which does it.
    async with AsyncSession(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture(name="client")
def client_fixture(session: AsyncSession):
    async def get_session_override():
        return session

    app.dependency_overrides[get_async_db] = get_session_override
    client = TestClient(app)
    yield client
    app.dependency_overrides.clear()
