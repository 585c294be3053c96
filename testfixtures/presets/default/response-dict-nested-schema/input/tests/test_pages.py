from fastapi.testclient import TestClient

from app.db import Base, engine
from app.main import app


def test_pages():
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with TestClient(app) as client:
        client.post("/seed")
        assert client.get("/authors").json()["items"][0]["books"] == [{"id": 1, "title": "earthsea"}]
        assert client.get("/authors/page").json()["total"] == 1
        assert client.get("/authors/page").json()["items"][0]["books"][0]["title"] == "earthsea"
