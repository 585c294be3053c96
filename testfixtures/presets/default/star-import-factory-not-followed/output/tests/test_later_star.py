from app.main import find_todo

from .utils import *
from sqlalchemy.orm import *
import pytest


@pytest.mark.asyncio
async def test_find_missing():
    db = TestingSessionLocal()
    assert await find_todo(404, db) is None
