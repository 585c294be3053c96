import pytest
from sqlmodel import Session, SQLModel, create_engine


@pytest.fixture()
def engine():
    """A fresh schema in a file database for each test."""
    test_engine = create_engine("sqlite:///./test.db")
    SQLModel.metadata.drop_all(test_engine)
    SQLModel.metadata.create_all(bind=test_engine)
    yield test_engine
    SQLModel.metadata.drop_all(test_engine)
    test_engine.dispose()


@pytest.fixture
def session(engine):
    with Session(engine) as session:
        yield session
