import pytest
from fastapi.testclient import TestClient

from app.database import Base, SessionLocal, engine
from app.main import app


@pytest.fixture(scope="session")
def connection():
    Base.metadata.create_all(bind=engine)
    with engine.connect() as connection:
        SessionLocal.configure(bind=connection)
        yield connection


@pytest.fixture(autouse=True)
def rollback_each_test(connection):
    transaction = connection.begin()
    yield
    transaction.rollback()


@pytest.fixture
def client():
    return TestClient(app)
