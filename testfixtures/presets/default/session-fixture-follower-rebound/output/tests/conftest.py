import pytest

from app.db import SessionLocal
from app.models import Element


@pytest.fixture
def db():
    session = SessionLocal()
    yield session
    session.close()


def reporting_session():
    from app import db as database

    return database.SessionLocal()
