from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Note
from app.notes import NoteWrap

app = FastAPI()
notes = NoteWrap(Note)


@app.post("/notes")
def add_note(text: str, db: Session = Depends(get_db)):
    return notes.create(text, db).id


@app.get("/notes/{id}")
def get_note(id: int, db: Session = Depends(get_db)):
    return notes.get_by_id(id, db).text
