import pytest_asyncio

from app.db import AsyncSessionLocal, engine
from app.models import Base, Note

Base.metadata.create_all(engine)


# Tests ask for these by the names given in the decorators, not by the functions' names.
@pytest_asyncio.fixture(name="session")
async def session_fixture():
    async with AsyncSessionLocal() as session:
        yield session


@pytest_asyncio.fixture
async def note(session):
    note = Note(text="first")
    session.add(note)
    await session.commit()
    return note


@pytest_asyncio.fixture(name="archive")
async def archive_fixture():
    async with AsyncSessionLocal() as session:
        yield session
