import pytest_asyncio

from app.db import AsyncSessionLocal
from app.models import Element


@pytest_asyncio.fixture
async def db():
    # Opened inside the `try`: the same as `async with` once converted.
    async with AsyncSessionLocal() as session:
        yield session


@pytest_asyncio.fixture
async def element(db):
    return await Element.create(db=db, name="first")
