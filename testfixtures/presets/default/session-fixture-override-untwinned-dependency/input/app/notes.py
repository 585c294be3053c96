from sqlmodel import Session, func, select

from .models import Note


def count_notes(db: Session) -> int:
    return db.exec(select(func.count()).select_from(Note)).one()


def list_notes(db: Session, offset: int, limit: int) -> list[Note]:
    return list(db.exec(select(Note).offset(offset).limit(limit)).all())


def add_note(db: Session, text: str) -> Note:
    note = Note(text=text)
    db.add(note)
    db.commit()
    db.refresh(note)
    return note
