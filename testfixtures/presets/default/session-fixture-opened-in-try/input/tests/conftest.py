import pytest

from app.db import SessionLocal
from app.models import Element


@pytest.fixture
def db():
    # Opened inside the `try`: the same as `async with` once converted.
    try:
        session = SessionLocal()
        yield session
    finally:
        session.close()


@pytest.fixture
def element(db):
    return Element.create(db=db, name="first")
