from typing import Dict, AsyncGenerator

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

AsyncTestingSessionLocal = async_sessionmaker()


@pytest_asyncio.fixture()
async def db() -> AsyncGenerator[AsyncSession, None]:
    async with AsyncTestingSessionLocal() as session:
        yield session


async def override_get_db() -> AsyncGenerator[AsyncSession, None]:
    session = AsyncTestingSessionLocal()
    try:
        yield session
    finally:
        await session.close()


def headers() -> Dict[str, str]:
    return {}
