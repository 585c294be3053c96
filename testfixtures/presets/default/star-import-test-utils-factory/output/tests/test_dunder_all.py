from app.main import find_todo

from .listed import *
from .listed import AsyncListedSessionLocal
import pytest


@pytest.mark.asyncio
async def test_find_missing():
    db = AsyncListedSessionLocal()
    try:
        assert await find_todo(404, db) is None
    finally:
        await db.close()
