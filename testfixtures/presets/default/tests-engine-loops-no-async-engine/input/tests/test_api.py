import pytest
from fastapi.testclient import TestClient

from app.main import app, slow_ping


def test_ping():
    client = TestClient(app)
    assert client.get("/ping").json() == {"ping": "pong"}


@pytest.mark.asyncio
async def test_slow_ping():
    assert await slow_ping() == "pong"
