from typing import Generator

import pytest
import pytest_asyncio

from app.database import AsyncSessionLocal, SessionLocal


@pytest_asyncio.fixture()
async def db() -> Generator:
    async with AsyncSessionLocal() as session:
        yield session


@pytest.fixture(scope="session")
def shared_db() -> Generator:
    yield SessionLocal()
