from fastapi.testclient import TestClient

from app.db import Base, engine
from app.main import app


def test_notes_are_committed_per_request():
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    client = TestClient(app)
    assert client.post("/notes", params={"text": "a"}).status_code == 200
    assert client.post("/notes", params={"text": ""}).status_code == 422
    assert client.get("/notes").json() == ["a"]
