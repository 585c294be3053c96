from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
import pytest


@pytest.mark.asyncio
async def test_theme(db: AsyncSession) -> None:
    assert (await crud.get_setting(db, "theme")).value == "dark"
