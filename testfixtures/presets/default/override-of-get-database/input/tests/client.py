from fastapi.testclient import TestClient

from app.db import get_database
from app.main import app


# A decorator installing the override around each test, on the factory a fixture hands it.
def with_test_db(f):
    def run(session_factory, *args, **kwargs):
        def override_get_database():
            db = session_factory()
            try:
                yield db
            finally:
                db.close()

        app.dependency_overrides[get_database] = override_get_database
        f(*args, **kwargs)
        app.dependency_overrides[get_database] = get_database

    return run


client = TestClient(app)
