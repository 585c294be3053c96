import pytest_asyncio
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

import app.models  # noqa: F401 (registers the tables)
from app.db import Base
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)
Base.metadata.create_all(bind=engine)


# Converted: it yields an AsyncSession, which the repositories built on it await.
@pytest_asyncio.fixture
async def session():
    async with AsyncTestingSessionLocal() as db:
        yield db
