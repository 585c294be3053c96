from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_health():
    r = client.get("/health")
    assert r.status_code == 200


def test_create_item():
    r = client.post("/items", json={"title": "x"})
    assert r.json()["title"] == "x"
