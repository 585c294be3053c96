import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_create(db: AsyncSession):
    assert (await crud.create_item(db, "marked")).id is not None
