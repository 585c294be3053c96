import sqlite3

from fastapi import Depends, FastAPI

from app.db import get_db

app = FastAPI()


@app.post("/notes")
def add_note(text: str, db: sqlite3.Connection = Depends(get_db)):
    cursor = db.execute("INSERT INTO notes (text) VALUES (?)", (text,))
    db.commit()
    return {"id": cursor.lastrowid}


@app.get("/notes/{note_id}")
def read_note(note_id: int, db: sqlite3.Connection = Depends(get_db)):
    row = db.execute("SELECT id, text FROM notes WHERE id = ?", (note_id,)).fetchone()
    return dict(row) if row else {}


@app.get("/notes")
def count_notes(db=Depends(get_db)):
    return {"count": db.execute("SELECT count(*) FROM notes").fetchone()[0]}
