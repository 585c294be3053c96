from app.notify import send_email
import pytest


@pytest.mark.asyncio
async def test_send():
    # async-tests makes the test async and awaits the call: no finding left behind for it.
    await send_email("x")
