from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_create_and_read_item():
    created = client.post("/items", json={"name": "spoon"})
    assert created.status_code == 200
    item_id = created.json()["id"]
    read = client.get(f"/items/{item_id}")
    assert read.json() == {"id": item_id, "name": "spoon"}


def test_missing_item():
    assert client.get("/items/999999").status_code == 404
