from fastapi.testclient import TestClient

from app.db import Base, engine
from app.main import app


def test_flow():
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with TestClient(app) as c:
        aid = c.post("/seed").json()["id"]
        assert c.get(f"/authors/{aid}").json()["books"][0]["title"] == "earthsea"
        assert c.get("/authors").json()[0]["books"][0]["title"] == "earthsea"
        assert c.get("/raw").json()[0]["books"] == ["earthsea"]
