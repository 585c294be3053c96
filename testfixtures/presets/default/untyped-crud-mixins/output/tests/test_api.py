import sys
import types

from fastapi.testclient import TestClient

# The third-party mixin of the example, stubbed so that the app imports.
sys.modules.setdefault("external_audit", types.SimpleNamespace(AuditMixin=type("AuditMixin", (), {})))

from app.db import engine  # noqa: E402
from app.main import app  # noqa: E402
from app.models import Base  # noqa: E402


def test_users():
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)
    with TestClient(app) as client:
        user_id = client.post("/users", params={"email": "a@example.com"}).json()["id"]
        assert client.post("/users", params={"email": "a@example.com"}).status_code == 400
        assert client.get(f"/users/{user_id}").json() == {"email": "a@example.com", "active": True}
        assert client.post(f"/users/{user_id}/deactivate").json() == {"active": False}
        assert client.get(f"/users/{user_id}").json()["active"] is False
        assert client.get("/audited/count").json() == {"n": 1}
