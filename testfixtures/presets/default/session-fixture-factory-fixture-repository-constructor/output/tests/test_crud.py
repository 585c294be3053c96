from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
import pytest


# Hands the sync session to a function made async, which awaits it: flagged at the call.
@pytest.mark.asyncio
async def test_crud(session: AsyncSession):
    assert await crud.get_batch(session, "x") is None
