from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db import get_database
from app.main import app

engine = create_engine("postgresql://app@localhost/notes_test")
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


def override_get_database():
    db = TestingSessionLocal()
    try:
        yield db
    finally:
        db.close()


app.dependency_overrides[get_database] = override_get_database
client = TestClient(app)


def test_list_notes():
    response = client.get("/notes")
    assert response.status_code == 200
