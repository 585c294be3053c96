import pytest

from app.db import SessionLocal, engine
from app.models import Base

Base.metadata.create_all(engine)


@pytest.fixture
def db():
    session = SessionLocal()
    yield session
    session.close()
