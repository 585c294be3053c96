import app.svc as svc
import pytest


@pytest.mark.asyncio
async def test_get(session):
    # A coroutine is truthy: left without await, this assert could never fail.
    assert await svc.get_item(session, 1)
