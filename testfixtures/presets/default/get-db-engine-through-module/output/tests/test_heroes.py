from fastapi.testclient import TestClient

from app.database import create_db_and_tables
from app.main import app


def test_heroes():
    create_db_and_tables()
    with TestClient(app) as client:
        assert client.post("/heroes", params={"name": "deadpond"}).json()["name"] == "deadpond"
        assert "deadpond" in [h["name"] for h in client.get("/heroes").json()]
