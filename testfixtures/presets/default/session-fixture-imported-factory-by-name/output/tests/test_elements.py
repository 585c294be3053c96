from app.models import Element
from sqlalchemy import select
import pytest


@pytest.mark.asyncio
async def test_listed(db_session, element):
    names = [e.name for e in (await db_session.scalars(select(Element))).all()]
    assert "seeded" in names


@pytest.mark.asyncio
async def test_found(db_session, element):
    assert await db_session.scalar(select(Element).where(Element.id == element.id).limit(1)) is not None
