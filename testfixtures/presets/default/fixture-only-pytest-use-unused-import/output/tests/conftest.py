import pytest
import pytest_asyncio
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.models import Base
from app.repositories import UserRepository
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)
Base.metadata.create_all(engine)


@pytest_asyncio.fixture
async def db():
    async with AsyncTestingSessionLocal() as session:
        yield session


@pytest.fixture
def repo(db):
    return UserRepository(db)
