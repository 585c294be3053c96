import pytest_asyncio

from app.db import AsyncSessionLocal


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db():
    async with AsyncSessionLocal() as session:
        yield session
