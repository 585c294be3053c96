import pytest

from app.db import SessionLocal


@pytest.fixture(scope="session")
def db():
    yield SessionLocal()
