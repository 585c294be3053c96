from app.models import Note
from app.notes import get_note
import pytest


@pytest.mark.asyncio
async def test_get_note(session, note):
    session.add(Note(text="second"))
    await session.commit()
    assert (await get_note(session, note.id)).text == "first"


@pytest.mark.asyncio
async def test_archive(archive):
    assert archive.query(Note).count() >= 0
    assert await get_note(archive, 1) is not None
