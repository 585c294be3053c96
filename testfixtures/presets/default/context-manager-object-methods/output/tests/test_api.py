from fastapi.testclient import TestClient

from app.db import engine
from app.main import app
from app.models import Base


def test_unit_of_work():
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)
    with TestClient(app) as client:
        user_id = client.post("/users", params={"email": "a@example.com"}).json()["id"]
        assert client.get(f"/users/{user_id}").json() == {"email": "a@example.com"}
