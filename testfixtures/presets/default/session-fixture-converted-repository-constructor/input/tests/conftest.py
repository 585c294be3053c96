import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

import app.models  # noqa: F401 (registers the tables)
from app.db import Base

engine = create_engine("sqlite:///./test.db")
TestingSessionLocal = sessionmaker(bind=engine)
Base.metadata.create_all(bind=engine)


# Converted: it yields an AsyncSession, which the repositories built on it await.
@pytest.fixture
def session():
    db = TestingSessionLocal()
    yield db
    db.close()
