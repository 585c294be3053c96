from fastapi.testclient import TestClient

from app.db import Base, engine
from app.main import app


def test_helpers():
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with TestClient(app) as client:
        client.post("/seed")
        assert client.get("/described").json() == ["le guin: earthsea"]
        assert client.get("/labels").json() == ["earthsea by le guin"]
