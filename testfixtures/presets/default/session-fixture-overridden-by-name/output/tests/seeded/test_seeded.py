from app.models import Element
import pytest


@pytest.mark.asyncio
async def test_seeded(db):
    assert await db.get(Element, 1) is not None
