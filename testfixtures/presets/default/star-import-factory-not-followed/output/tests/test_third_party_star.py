from sqlalchemy.orm import *

from app.main import find_todo

from .utils import engine
import pytest


@pytest.mark.asyncio
async def test_find_missing():
    db = Session(engine)
    assert await find_todo(404, db) is None
