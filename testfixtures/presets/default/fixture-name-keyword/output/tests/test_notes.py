from app.models import Note
from app.notes import get_note
from sqlalchemy import func, select
import pytest


@pytest.mark.asyncio
async def test_get_note(session, note):
    session.add(Note(text="second"))
    await session.commit()
    assert (await get_note(session, note.id)).text == "first"


@pytest.mark.asyncio
async def test_archive(archive):
    assert await archive.scalar(select(func.count()).select_from(Note)) >= 0
    assert await get_note(archive, 1) is not None
