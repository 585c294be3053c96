import pytest

from app.db import SessionLocal
from app.models import Element


@pytest.fixture
def db():
    session = SessionLocal()
    yield session
    session.close()


@pytest.fixture
def session(db):
    return db
