import pytest
from fastapi.testclient import TestClient

from app.db import Base, SessionLocal, engine, generate_session
from app.main import app

Base.metadata.create_all(engine)


def override_generate_session():
    try:
        db = SessionLocal()
        yield db
    finally:
        db.close()


@pytest.fixture(scope="session")
def client():
    app.dependency_overrides[generate_session] = override_generate_session
    yield TestClient(app)
