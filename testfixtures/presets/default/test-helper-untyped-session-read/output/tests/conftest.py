import pytest_asyncio
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.models import Base
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


@pytest_asyncio.fixture
async def db():
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncTestingSessionLocal() as session:
        yield session
