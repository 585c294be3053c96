import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.models import Base
from app.repositories import UserRepository

engine = create_engine("sqlite:///./test.db")
TestingSessionLocal = sessionmaker(bind=engine)
Base.metadata.create_all(engine)


@pytest.fixture
def db():
    session = TestingSessionLocal()
    yield session
    session.close()


@pytest.fixture
def repo(db):
    return UserRepository(db)
