from app.models import Note
import pytest


@pytest.mark.asyncio
async def test_add_note(test_db):
    note = Note(text="c")
    test_db.add(note)
    await test_db.commit()
    assert (await test_db.get(Note, note.id)).text == "c"
