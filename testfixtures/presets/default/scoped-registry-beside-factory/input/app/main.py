from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.crud import NoteWriter
from app.db import get_db

app = FastAPI()


@app.post("/notes")
def create_note(body: str, db: Session = Depends(get_db)):
    note = NoteWriter(db).write(body)
    return {"id": note.id}
