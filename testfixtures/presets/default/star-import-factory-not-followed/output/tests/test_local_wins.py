from app.main import find_todo

from .utils import *
import pytest


def TestingSessionLocal():
    return None


@pytest.mark.asyncio
async def test_find_missing():
    db = TestingSessionLocal()
    if db is not None:
        await find_todo(404, db)
