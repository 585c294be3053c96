"""Session fixtures built on Session(engine), next to an async engine already written by async-engine."""
from typing import Iterator

import pytest
import pytest_asyncio
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db")


@pytest_asyncio.fixture
async def session() -> Iterator[Session]:
    # One session per test.
    async with AsyncSession(async_engine, expire_on_commit=False) as s:
        yield s


@pytest_asyncio.fixture
async def raw_session():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def shared(request):
    s = Session(engine)
    request.addfinalizer(s.close)
    yield s
