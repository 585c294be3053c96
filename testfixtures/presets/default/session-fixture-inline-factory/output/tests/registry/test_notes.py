from app import crud
import pytest


@pytest.mark.asyncio
async def test_create_note(db_session):
    await crud.create_note(db_session, "a")
    assert await crud.get_note(db_session, "a")
