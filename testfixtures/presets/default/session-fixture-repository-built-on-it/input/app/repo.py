from sqlalchemy import select
from sqlalchemy.orm import Session
from app.models import Note


class NoteRepository:
    def __init__(self, db: Session):
        self.db = db

    def get_by_title(self, title: str):
        return self.db.scalar(select(Note).where(Note.title == title))

    def create(self, title: str) -> Note:
        note = Note(title=title)
        self.db.add(note)
        self.db.commit()
        self.db.refresh(note)
        return note
