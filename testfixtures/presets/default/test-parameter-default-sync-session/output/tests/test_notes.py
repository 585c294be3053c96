from sqlalchemy.ext.asyncio import AsyncSession

from app.notes import add_note, count_notes
from tests.sessions import TestingSessionLocal, shared_session
import pytest

local_session = TestingSessionLocal()


class TestNotes:
    @pytest.mark.asyncio
    async def test_add(self, db: AsyncSession = shared_session):
        note = await add_note(db, "first")
        assert note.text == "first"

    @pytest.mark.asyncio
    async def test_count(self, db=local_session):
        assert await count_notes(db) >= 0


@pytest.mark.asyncio
async def test_add_unannotated(db=shared_session):
    assert (await add_note(db, "second")).id is not None
