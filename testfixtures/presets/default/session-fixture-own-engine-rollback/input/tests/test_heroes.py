from fastapi.testclient import TestClient
from sqlmodel import Session

from app.models import Hero


def test_create_hero(client: TestClient):
    response = client.post("/heroes/", json={"name": "Deadpond"})
    assert response.status_code == 200
    assert response.json()["name"] == "Deadpond"


def test_read_heroes(session: Session, client: TestClient):
    session.add(Hero(name="Rusty-Man"))
    session.commit()
    response = client.get("/heroes/")
    assert [h["name"] for h in response.json()] == ["Rusty-Man"]
