from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
import pytest


@pytest.mark.asyncio(loop_scope="session")
async def test_create(db: AsyncSession, greeting):
    assert (await crud.create_item(db, greeting)).id is not None
