import pytest_asyncio

from app import crud
from app.database import AsyncSessionLocal


@pytest_asyncio.fixture()
async def db():
    async with AsyncSessionLocal() as session:
        await crud.create_user(session, "admin@example.com")
        yield session
        await session.rollback()
