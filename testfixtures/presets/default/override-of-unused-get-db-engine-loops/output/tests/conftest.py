import pytest
from fastapi.testclient import TestClient

from app.db import SessionLocal
from app.main import app, get_db


def override_get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


# Keyed by app.main.get_db, which no route depends on: the routes keep opening sessions on the application's engine.
@pytest.fixture
def client():
    app.dependency_overrides[get_db] = override_get_db
    yield TestClient(app)
    app.dependency_overrides.clear()
