import pytest_asyncio

from app.db import AsyncSessionLocal, engine
from app.greetings import greet
from app.models import Base

Base.metadata.create_all(bind=engine)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db():
    async with AsyncSessionLocal() as session:
        yield session


@pytest_asyncio.fixture
async def greeting():
    return await greet("items")
