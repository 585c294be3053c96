import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db import SessionLocal, engine, get_db
from app.main import app
from app.models import Base


@pytest.fixture
def session():
    Base.metadata.create_all(bind=engine)
    db = SessionLocal()  # the session under test
    try:
        # hand it out
        yield db  # use the session in tests.
    finally:
        db.close()  # always



@pytest.fixture
def client(session: Session):
    def override_get_db():
        # the test's own session
        yield session  # shared

    app.dependency_overrides[get_db] = override_get_db
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()
