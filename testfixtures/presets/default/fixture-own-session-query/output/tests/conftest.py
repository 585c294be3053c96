import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import sessionmaker

from app.db import Base, get_async_db
from app.main import app
from app.models import Note
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


async def override_get_db():
    db = AsyncTestingSessionLocal()
    try:
        yield db
    finally:
        await db.close()


app.dependency_overrides[get_async_db] = override_get_db


@pytest.fixture
def client():
    Base.metadata.create_all(bind=engine)
    yield TestClient(app)
    Base.metadata.drop_all(bind=engine)


# Fixtures stay plain defs, and so do the sessions they open themselves: their queries must not be awaited.
@pytest.fixture
def notes_before(client):
    db = TestingSessionLocal()
    return db.scalar(select(func.count()).select_from(Note))


@pytest.fixture
def first_note_id(client):
    db = TestingSessionLocal()
    db.add(Note(text="first"))
    db.commit()
    note = db.scalar(select(Note).filter_by(text="first").limit(1))
    return note.id
