from app.main import find_todo

from .unlisted import *
import pytest


@pytest.mark.asyncio
async def test_find_missing():
    db = UnlistedSessionLocal()
    assert await find_todo(404, db) is None
