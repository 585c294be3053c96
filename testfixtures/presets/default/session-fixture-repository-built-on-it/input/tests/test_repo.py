import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db import Base
from app.repo import NoteRepository

# In memory: the fixture stays sync, and so does the Session every repository below keeps.
engine = create_engine("sqlite:///:memory:", connect_args={"check_same_thread": False})
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


@pytest.fixture
def db_session():
    Base.metadata.create_all(bind=engine)
    session = TestingSessionLocal()
    yield session
    session.close()
    Base.metadata.drop_all(bind=engine)


def test_create(db_session):
    repo = NoteRepository(db_session)
    note = repo.create("a")
    assert note.id is not None


def test_direct(db_session):
    note = NoteRepository(db_session).get_by_title("zz")
    assert note is None


@pytest.fixture
def repo(db_session):
    return NoteRepository(db_session)


def test_fixture_repo(repo):
    assert repo.create("b").id is not None
