from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Note
from app.store import NoteStore

app = FastAPI()


@app.get("/notes")
def list_notes(store: NoteStore = Depends()):
    return [n.text for n in store.all()]


@app.get("/notes/count")
def count_notes(db: Session = Depends(get_db)):
    return db.query(Note).count()
