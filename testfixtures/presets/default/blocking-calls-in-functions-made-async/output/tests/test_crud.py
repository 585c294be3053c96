import time

from app import crud
from app.database import AsyncSessionLocal
import pytest


@pytest.mark.asyncio
async def test_get_item():
    db = AsyncSessionLocal()
    time.sleep(0.01)
    assert await crud.get_item(db, 1) is None
    await db.close()
