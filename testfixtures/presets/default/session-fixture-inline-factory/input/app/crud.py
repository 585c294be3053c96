from sqlalchemy.orm import Session

from .db import Note


def get_note(db: Session, title: str):
    return db.query(Note).filter(Note.title == title).first()


def create_note(db: Session, title: str) -> Note:
    note = Note(title=title)
    db.add(note)
    db.commit()
    db.refresh(note)
    return note
