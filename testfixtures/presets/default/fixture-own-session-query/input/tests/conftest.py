import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db import Base, get_db
from app.main import app
from app.models import Note

engine = create_engine("sqlite:///./test.db")
TestingSessionLocal = sessionmaker(bind=engine)


def override_get_db():
    db = TestingSessionLocal()
    try:
        yield db
    finally:
        db.close()


app.dependency_overrides[get_db] = override_get_db


@pytest.fixture
def client():
    Base.metadata.create_all(bind=engine)
    yield TestClient(app)
    Base.metadata.drop_all(bind=engine)


# Fixtures stay plain defs, and so do the sessions they open themselves: their queries must not be awaited.
@pytest.fixture
def notes_before(client):
    db = TestingSessionLocal()
    return db.query(Note).count()


@pytest.fixture
def first_note_id(client):
    db = TestingSessionLocal()
    db.add(Note(text="first"))
    db.commit()
    note = db.query(Note).filter_by(text="first").first()
    return note.id
