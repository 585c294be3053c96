from app.models import Tag
from app.tags import tag_count
import pytest


@pytest.mark.asyncio
async def test_count_from_factory_fixture(tags_session):
    tags_session.add(Tag(label="a"))
    await tags_session.commit()
    assert await tag_count(tags_session) == 1


@pytest.mark.asyncio
async def test_count_from_helper(db):
    db.add(Tag(label="b"))
    db.commit()
    assert await tag_count(db) == 1
