# Tests take the session fixture `db` without an annotation: its name makes it the session.
from app.models import Element
from sqlalchemy import func, select
import pytest


@pytest.mark.asyncio
async def test_query_first(db):
    db.add(Element(name="q"))
    await db.commit()
    found = await db.scalar(select(Element).where(Element.name == "q").limit(1))
    assert found is not None


@pytest.mark.asyncio
async def test_count(seeded, db):
    assert await db.scalar(select(func.count()).select_from(Element)) >= 1


class TestElements:
    @pytest.mark.asyncio
    async def test_all(self, db):
        assert len((await db.scalars(select(Element))).all()) >= 0
