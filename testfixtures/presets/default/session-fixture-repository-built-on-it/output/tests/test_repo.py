import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db import Base
from app.repo import NoteRepository
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

# In memory: the fixture stays sync, and so does the Session every repository below keeps.
engine = create_engine("sqlite:///:memory:", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///:memory:", connect_args={"check_same_thread": False})
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)


@pytest.fixture
def db_session():
    Base.metadata.create_all(bind=engine)
    session = TestingSessionLocal()
    yield session
    session.close()
    Base.metadata.drop_all(bind=engine)


@pytest.mark.asyncio
async def test_create(db_session):
    repo = NoteRepository(db_session)
    note = await repo.create("a")
    assert note.id is not None


@pytest.mark.asyncio
async def test_direct(db_session):
    note = await NoteRepository(db_session).get_by_title("zz")
    assert note is None


@pytest.fixture
def repo(db_session):
    return NoteRepository(db_session)


@pytest.mark.asyncio
async def test_fixture_repo(repo):
    assert (await repo.create("b")).id is not None
