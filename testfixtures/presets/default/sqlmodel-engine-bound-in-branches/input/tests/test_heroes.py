from fastapi.testclient import TestClient

from main import app


def test_create_and_list_heroes():
    with TestClient(app) as client:
        created = client.post("/heroes", json={"name": "Deadpond"})
        assert created.status_code == 200
        names = [hero["name"] for hero in client.get("/heroes").json()]
        assert "Deadpond" in names
