from app.main import find_todo

from .listed import *
import pytest


@pytest.mark.asyncio
async def test_find_missing():
    db = ListedSessionLocal()
    assert await find_todo(404, db) is None
