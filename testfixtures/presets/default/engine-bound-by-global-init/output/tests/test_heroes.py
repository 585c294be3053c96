from fastapi.testclient import TestClient
from sqlmodel import SQLModel

from app import db
from app.main import app


def test_create_and_list():
    with TestClient(app) as client:
        SQLModel.metadata.create_all(db.engine)
        assert client.post("/heroes", params={"name": "Rusty"}).status_code == 200
        assert [h["name"] for h in client.get("/heroes").json()] == ["Rusty"]
