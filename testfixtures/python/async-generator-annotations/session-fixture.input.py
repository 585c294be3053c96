from typing import Dict, Generator

import pytest_asyncio
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlalchemy.orm import Session

AsyncTestingSessionLocal = async_sessionmaker()


@pytest_asyncio.fixture()
async def db() -> Generator[Session, None, None]:
    async with AsyncTestingSessionLocal() as session:
        yield session


async def override_get_db() -> Generator[Session, None, None]:
    session = AsyncTestingSessionLocal()
    try:
        yield session
    finally:
        await session.close()


def headers() -> Dict[str, str]:
    return {}
