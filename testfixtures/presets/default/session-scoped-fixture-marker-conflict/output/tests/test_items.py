import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


@pytest.mark.asyncio
async def test_create(db: AsyncSession):
    assert (await crud.create_item(db, "a")).id is not None


@pytest.mark.asyncio
async def test_already_async(db: AsyncSession):
    assert await crud.count_items(db) >= 0
