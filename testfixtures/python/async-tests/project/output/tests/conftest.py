import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app import crud
from app.database import get_async_db
from app.main import app
from app.models import Base
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", connect_args={"check_same_thread": False}, poolclass=NullPool)
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)


@pytest_asyncio.fixture()
async def db():
    Base.metadata.create_all(bind=engine)
    async with AsyncTestingSessionLocal() as session:
        yield session
    Base.metadata.drop_all(bind=engine)


def override_get_db():
    session = TestingSessionLocal()
    try:
        yield session
    finally:
        session.close()


async def override_get_async_db():
    async with AsyncTestingSessionLocal() as session:
        yield session


@pytest.fixture()
def client():
    app.dependency_overrides[get_async_db] = override_get_async_db
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()


@pytest_asyncio.fixture()
async def user(db):
    return await crud.create_user(db, "someone@example.com")


@pytest.fixture(scope="module")
def admin(db):
    return crud.create_user(db, "admin@example.com")
