from sqlalchemy.orm import Session

from app.models import Note


def list_notes(db: Session):
    return db.query(Note).all()
