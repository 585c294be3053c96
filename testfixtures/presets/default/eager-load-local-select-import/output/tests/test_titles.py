from fastapi.testclient import TestClient

from app.db import Base, engine
from app.main import app


def test_titles():
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with TestClient(app) as client:
        author_id = client.post("/seed").json()["id"]
        assert client.get("/titles").json() == [["earthsea"]]
        assert client.get(f"/authors/{author_id}/count").json() == {"books": 1}
