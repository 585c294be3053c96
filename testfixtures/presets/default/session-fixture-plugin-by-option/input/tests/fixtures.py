import pytest

from app.db import SessionLocal


@pytest.fixture
def db():
    session = SessionLocal()
    yield session
    session.close()
