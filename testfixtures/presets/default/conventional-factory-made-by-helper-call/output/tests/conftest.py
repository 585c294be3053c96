import pytest
from fastapi.testclient import TestClient

from app.db import Base, SessionLocal, engine, get_db
from app.main import app

Base.metadata.create_all(engine)


def override_get_db():
    try:
        db = SessionLocal()
        yield db
    finally:
        db.close()


@pytest.fixture(scope="session")
def client():
    app.dependency_overrides[get_db] = override_get_db
    yield TestClient(app)
