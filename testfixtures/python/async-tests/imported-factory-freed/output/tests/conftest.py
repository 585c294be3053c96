from typing import Generator

import pytest_asyncio

from app.database import AsyncSessionLocal


@pytest_asyncio.fixture()
async def db() -> Generator:
    async with AsyncSessionLocal() as session:
        yield session
