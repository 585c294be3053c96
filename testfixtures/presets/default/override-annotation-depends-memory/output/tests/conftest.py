import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from app.db import Base, get_async_db
from app.main import app
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
async_engine = create_async_engine("sqlite+aiosqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


async def override_get_db():
    db = AsyncTestingSessionLocal()
    try:
        yield db
    finally:
        await db.close()


# In memory: a sync override kept for NoteStore could not share this database with the async one (flagged).
app.dependency_overrides[get_async_db] = override_get_db


@pytest.fixture
def client():
    Base.metadata.create_all(bind=engine)
    yield TestClient(app)
    Base.metadata.drop_all(bind=engine)
