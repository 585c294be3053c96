from sqlalchemy.orm import Session

from app.models import Note


def insert_note(db: Session, body: str) -> Note:
    note = Note(body=body)
    db.add(note)
    db.commit()
    return note


class NoteWriter:
    def __init__(self, db: Session):
        self.db = db

    def write(self, body: str) -> Note:
        note = Note(body=body)
        self.db.add(note)
        self.db.commit()
        return note


class NoteFacade:
    def __init__(self, db: Session):
        self.db = db

    def add(self, body: str) -> Note:
        return insert_note(self.db, body)
