import pytest
from fastapi.testclient import TestClient

from app.db import SessionLocal, engine, get_async_db
from app.main import app
from app.models import Base

Base.metadata.create_all(bind=engine)


@pytest.fixture(scope="session")
def db():
    session = SessionLocal()
    yield session
    session.close()


@pytest.fixture(scope="session")
def client(db):
    def override_get_db():
        yield db

    app.dependency_overrides[get_async_db] = override_get_db
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()
