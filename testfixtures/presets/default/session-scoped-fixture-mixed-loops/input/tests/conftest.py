import pytest

from app.db import SessionLocal, engine
from app.greetings import greet
from app.models import Base

Base.metadata.create_all(bind=engine)


@pytest.fixture(scope="session")
def db():
    yield SessionLocal()


@pytest.fixture
def greeting():
    return greet("items")
