from app import crud
import pytest


@pytest.mark.asyncio
async def test_get_missing_note(db_session):
    assert await crud.get_note(db_session, "missing") is None
