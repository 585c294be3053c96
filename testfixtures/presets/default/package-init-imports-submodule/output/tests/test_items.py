from app.db import AsyncSessionLocal
from app.services import items
import pytest


@pytest.mark.asyncio
async def test_create_item():
    db = AsyncSessionLocal()
    try:
        item = await items.create_item(db, "a")
        assert item.id is not None
    finally:
        await db.close()
