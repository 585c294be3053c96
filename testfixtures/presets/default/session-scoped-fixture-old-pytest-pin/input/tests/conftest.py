import pytest

from app.db import SessionLocal, engine
from app.models import Base

Base.metadata.create_all(bind=engine)


@pytest.fixture(scope="session")
def db():
    yield SessionLocal()
