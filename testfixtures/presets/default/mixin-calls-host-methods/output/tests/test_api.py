from fastapi.testclient import TestClient

from app.db import engine
from app.main import app
from app.models import Base


def test_mixins():
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)
    with TestClient(app) as client:
        user_id = client.post("/users", params={"email": "a@example.com"}).json()["id"]
        assert client.get(f"/users/{user_id}").json() == {"email": "a@example.com", "text": "a@example.com (active)"}
        assert client.post(f"/users/{user_id}/touch").json() == {"ok": True}
        assert client.get(f"/users/{user_id}/counted").json() == {"email": "a@example.com", "reads": 2}
        assert client.post(f"/users/{user_id}/rename-readonly", params={"email": "b@example.com"}).json() == {"email": "b@example.com"}
        assert client.post(f"/users/{user_id}/deactivate").json() == {"active": False}
        assert client.get(f"/users/{user_id}").json()["text"] == "a@example.com (inactive)"
