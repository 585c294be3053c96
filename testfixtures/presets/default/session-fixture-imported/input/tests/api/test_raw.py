from app.models import Note


def test_add_note(test_db):
    note = Note(text="c")
    test_db.add(note)
    test_db.commit()
    assert test_db.get(Note, note.id).text == "c"
