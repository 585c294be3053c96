from app.database import AsyncSessionLocal
from app.main import count_users


def test_ping(client):
    assert client.get("/ping").json() == {"ok": True}


def test_count(client):
    db = AsyncSessionLocal()
    assert count_users(db) == 0
