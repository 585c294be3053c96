import pytest_asyncio

from app.db import AsyncSessionLocal


@pytest_asyncio.fixture()
async def db_session():
    # Function-scoped, on the application's factory: after the switch each async test opens its session on the
    # application's pooled async engine from an event loop of its own.
    async with AsyncSessionLocal() as db:
        yield db
