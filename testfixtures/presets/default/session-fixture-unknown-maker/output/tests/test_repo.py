from app.repository import ItemRepository
import pytest


@pytest.mark.asyncio
async def test_missing(repo: ItemRepository):
    assert await repo.get(12345) is None
