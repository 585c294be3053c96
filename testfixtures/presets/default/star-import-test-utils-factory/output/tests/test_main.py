from app.db import get_async_db
from app.main import app, find_todo

from .utils import *
import pytest

app.dependency_overrides[get_async_db] = override_get_db


def test_read_todo(test_todo):
    response = client.get("/todos/1")
    assert response.status_code == 200
    assert response.json() == {"title": "Learn the code"}


@pytest.mark.asyncio
async def test_find_todo(test_todo):
    db = AsyncTestingSessionLocal()
    try:
        assert (await find_todo(1, db)).title == "Learn the code"
    finally:
        await db.close()
