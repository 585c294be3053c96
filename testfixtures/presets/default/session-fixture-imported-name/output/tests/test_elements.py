from app.models import Element
import pytest


@pytest.mark.asyncio
async def test_add(db):
    db.add(Element(name="a"))
    await db.commit()
    assert await db.get(Element, 1) is not None
