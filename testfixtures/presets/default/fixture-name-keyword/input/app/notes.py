from sqlalchemy.orm import Session

from app.models import Note


def get_note(db: Session, note_id: int) -> Note | None:
    return db.get(Note, note_id)
