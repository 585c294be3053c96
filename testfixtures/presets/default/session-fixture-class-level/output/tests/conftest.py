import pytest_asyncio

from app.db import AsyncSessionLocal, engine
from app.models import Base

Base.metadata.create_all(engine)


@pytest_asyncio.fixture
async def db():
    async with AsyncSessionLocal() as session:
        yield session
