import pytest_asyncio

from app.db import Base, AsyncSessionLocal, async_engine


@pytest_asyncio.fixture()
async def db():
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncSessionLocal() as session:
        yield session
