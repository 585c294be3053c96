from sqlalchemy.orm import Session

from app.notes import add_note, count_notes
from tests.sessions import TestingSessionLocal, shared_session

local_session = TestingSessionLocal()


class TestNotes:
    def test_add(self, db: Session = shared_session):
        note = add_note(db, "first")
        assert note.text == "first"

    def test_count(self, db=local_session):
        assert count_notes(db) >= 0


def test_add_unannotated(db=shared_session):
    assert add_note(db, "second").id is not None
