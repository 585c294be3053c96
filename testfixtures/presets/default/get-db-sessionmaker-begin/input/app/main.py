from fastapi import FastAPI, HTTPException
from sqlalchemy import select

from app.deps import SessionDep
from app.models import Note

app = FastAPI()


@app.post("/notes")
def add_note(text: str, session: SessionDep):
    if not text:
        raise HTTPException(status_code=422, detail="empty")
    note = Note(text=text)
    session.add(note)
    session.flush()
    return {"id": note.id}


@app.get("/notes")
def list_notes(session: SessionDep):
    return [n.text for n in session.scalars(select(Note).order_by(Note.id))]
