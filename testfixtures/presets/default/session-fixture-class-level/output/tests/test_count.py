from app.models import Element
from sqlalchemy import func, select
import pytest


async def count(session):
    return await session.scalar(select(func.count()).select_from(Element))


# The unannotated helper is handed the conftest's session fixture `db` only: it follows it.
@pytest.mark.asyncio
async def test_count(db):
    assert await count(db) >= 0
