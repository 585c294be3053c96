from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import crud
from app.database import get_db

app = FastAPI()


@app.post("/notes")
def post_note(text: str, db: Session = Depends(get_db)):
    return {"id": crud.add_note(db, text).id}


@app.get("/notes/count")
def note_count(db: Session = Depends(get_db)):
    return {"n": crud.count_notes(db)}
