import pytest_asyncio

from app import crud
from app.database import AsyncSessionLocal


@pytest_asyncio.fixture
async def db():
    async with AsyncSessionLocal() as session:
        yield session


@pytest_asyncio.fixture
async def user(db):
    return await crud.create_user(db, "a@example.com")


async def test_get(db, user):
    assert await crud.get_user(db, user.id) is user
