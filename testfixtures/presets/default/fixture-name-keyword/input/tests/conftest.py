import pytest

from app.db import SessionLocal, engine
from app.models import Base, Note

Base.metadata.create_all(engine)


# Tests ask for these by the names given in the decorators, not by the functions' names.
@pytest.fixture(name="session")
def session_fixture():
    session = SessionLocal()
    yield session
    session.close()


@pytest.fixture
def note(session):
    note = Note(text="first")
    session.add(note)
    session.commit()
    return note


@pytest.fixture(name="archive")
def archive_fixture():
    session = SessionLocal()
    yield session
    session.close()
