from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.guards import NoteQuota
from app.models import Note

app = FastAPI()


@app.post("/notes")
def add_note(text: str, left: int = Depends(NoteQuota(3)), db: Session = Depends(get_db)):
    db.add(Note(text=text))
    db.commit()
    return {"left": left - 1}
