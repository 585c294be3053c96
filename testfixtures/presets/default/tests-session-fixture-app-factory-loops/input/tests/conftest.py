import pytest

from app.db import SessionLocal


@pytest.fixture()
def db_session():
    # Function-scoped, on the application's factory: after the switch each async test opens its session on the
    # application's pooled async engine from an event loop of its own.
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
