from fastapi import APIRouter
from sqlalchemy.orm import Session

from app import db
from app.db import DbParam
from app.models import Note

router = APIRouter()


@router.post("/notes")
def add_note(text: str, session: Session = DbParam):
    # DbParam is `Depends(get_db)`, whose provider gets no async twin: a sync Session, kept a plain def.
    note = Note(text=text)
    session.add(note)
    session.commit()
    return {"id": note.id}


@router.put("/notes/{note_id}")
def rename_note(note_id: int, text: str, session: Session = db.DbParam):
    note = session.get(Note, note_id)
    note.text = text
    session.commit()
    return {"id": note.id}


@router.get("/notes/{note_id}")
async def read_note(note_id: int, session: Session = DbParam):
    return session.get(Note, note_id).text
