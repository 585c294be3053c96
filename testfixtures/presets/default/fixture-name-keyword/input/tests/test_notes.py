from app.models import Note
from app.notes import get_note


def test_get_note(session, note):
    session.add(Note(text="second"))
    session.commit()
    assert get_note(session, note.id).text == "first"


def test_archive(archive):
    assert archive.query(Note).count() >= 0
    assert get_note(archive, 1) is not None
