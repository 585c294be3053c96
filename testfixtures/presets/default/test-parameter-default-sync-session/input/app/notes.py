from sqlalchemy.orm import Session

from app.models import Note


def add_note(db: Session, text: str) -> Note:
    note = Note(text=text)
    db.add(note)
    db.commit()
    db.refresh(note)
    return note


def count_notes(db: Session) -> int:
    return db.query(Note).count()
