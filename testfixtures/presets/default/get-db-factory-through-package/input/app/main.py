from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.dependencies import get_db
from app.models import Note

app = FastAPI()


@app.get("/notes")
def list_notes(db: Session = Depends(get_db)):
    return db.query(Note).all()


@app.get("/notes/{note_id}")
def read_note(note_id: int, db: Session = Depends(get_db)):
    return db.query(Note).get(note_id)
