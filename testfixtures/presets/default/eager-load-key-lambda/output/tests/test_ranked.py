from fastapi.testclient import TestClient

from app.db import Base, engine
from app.main import app


def test_ranked():
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with TestClient(app) as client:
        client.post("/seed")
        assert client.get("/ranked").json() == ["le guin"]
        assert client.get("/prolific").json() == "le guin"
        assert client.get("/authors-of-books").json() == ["le guin"]
