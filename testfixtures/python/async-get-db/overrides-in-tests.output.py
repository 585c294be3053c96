import pytest
from fastapi.testclient import TestClient

from app.db import get_async_db
from app.main import app


def override_get_db():
    db = TestingSessionLocal()
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def client():
    app.dependency_overrides[get_async_db] = override_get_db
    with TestClient(app) as c:
        c.app.dependency_overrides.update({get_async_db: override_get_db})
        yield c
    assert get_async_db in app.dependency_overrides
    app.dependency_overrides.pop(get_async_db, None)


def teardown_module():
    del app.dependency_overrides[get_async_db]
