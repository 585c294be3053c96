from app.main import ping
import pytest


@pytest.mark.asyncio
async def test_ping(session):
    assert await ping(session) == {"ok": True}
