from fastapi.testclient import TestClient

from app.db import engine
from app.main import app, exported
from app.models import Base


def test_users(tmp_path):
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)
    with TestClient(app) as client:
        user_id = client.post("/users", params={"email": "a@example.com"}).json()["id"]
        assert client.get(f"/users/{user_id}").json() == {"email": "a@example.com"}
        assert client.get("/users/999").status_code == 404
        assert client.get("/count").json() == {"n": 1}
    path = tmp_path / "users.json"
    path.write_text('{"1": "a@example.com"}')
    assert exported(path, 1) == "a@example.com"
