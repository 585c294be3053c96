from fastapi.testclient import TestClient
from pytest import fixture
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from app import models
from app.database import get_async_db
from app.main import app
from app.models import Base
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool
import pytest_asyncio

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)


@pytest_asyncio.fixture
async def session():
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncTestingSessionLocal() as db:
        yield db


@fixture
def client(session):
    async def override_get_db():
        yield session

    app.dependency_overrides[get_async_db] = override_get_db
    yield TestClient(app)


# Seeds through the session fixture and reads back with a legacy query: it follows the fixture, made async whole.
@pytest_asyncio.fixture
async def activities(session):
    session.add_all([models.Activity(message="a"), models.Activity(message="b")])
    await session.commit()
    return (await session.scalars(select(models.Activity))).all()
