"""Session fixtures built on Session(engine), next to an async engine already written by async-engine."""
from typing import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db")


@pytest.fixture
def session() -> Iterator[Session]:
    # One session per test.
    with Session(engine) as s:
        yield s


@pytest.fixture
def raw_session():
    return Session(bind=engine)


@pytest.fixture
def shared(request):
    s = Session(engine)
    request.addfinalizer(s.close)
    yield s
