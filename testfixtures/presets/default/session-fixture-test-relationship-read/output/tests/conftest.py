import pytest_asyncio
from sqlalchemy import StaticPool, create_engine
from sqlalchemy.orm import sessionmaker

from app.models import Base, User
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", connect_args={"check_same_thread": False}, poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


@pytest_asyncio.fixture
async def session():
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncTestingSessionLocal() as session:
        yield session
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)


@pytest_asyncio.fixture
async def user(session):
    user = User()
    session.add(user)
    await session.commit()
    await session.refresh(user)
    return user
