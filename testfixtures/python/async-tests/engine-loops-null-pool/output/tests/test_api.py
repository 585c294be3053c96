from app.database import AsyncSessionLocal
from app.main import count_users
import pytest


def test_ping(client):
    assert client.get("/ping").json() == {"ok": True}


@pytest.mark.asyncio
async def test_count(client):
    db = AsyncSessionLocal()
    assert await count_users(db) == 0
