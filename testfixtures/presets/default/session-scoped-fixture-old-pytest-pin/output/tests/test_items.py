from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
import pytest


@pytest.mark.asyncio
async def test_create(db: AsyncSession):
    assert (await crud.create_item(db, "a")).id is not None
