from fastapi.testclient import TestClient

from app.main import app
from app.models import Item


def fake_get_item(db, item_id):
    return Item(id=item_id)


def test_read_dotted(monkeypatch):
    # The dotted form: the handler awaits get_item after the migration, so a sync replacement breaks it.
    monkeypatch.setattr("app.main.get_item", fake_get_item)
    assert TestClient(app).get("/items/3").json() == {"id": 3}


def test_read_dotted_lambda(monkeypatch):
    monkeypatch.setattr("app.main.get_item", lambda db, item_id: Item(id=item_id))
    assert TestClient(app).get("/items/4").json() == {"id": 4}
