from app.models import Element
from tests.helpers import count, names
import pytest


@pytest.mark.asyncio
async def test_count(db):
    db.add(Element(name="a"))
    await db.commit()
    assert await count(db) >= 1


@pytest.mark.asyncio
async def test_names(db):
    assert isinstance(await names(db), list)
