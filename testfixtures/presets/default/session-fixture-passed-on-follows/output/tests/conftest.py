import pytest
import pytest_asyncio

from app.db import AsyncSessionLocal
from app.models import Element


@pytest_asyncio.fixture
async def db():
    async with AsyncSessionLocal() as session:
        yield session


@pytest.fixture
def session(db):
    return db
