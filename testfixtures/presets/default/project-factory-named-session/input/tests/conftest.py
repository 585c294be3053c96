import pytest

from app.db import Session, engine
from app.models import Base

Base.metadata.create_all(engine)


@pytest.fixture
def db_session():
    session = Session()
    yield session
    session.close()
