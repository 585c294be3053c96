import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker


# The factory is built and called in one expression: there is no name an async twin could stand beside.
@pytest.fixture
def db_session():
    engine = create_engine("sqlite:///./test.db")
    session = sessionmaker(bind=engine)()
    yield session
    session.close()
