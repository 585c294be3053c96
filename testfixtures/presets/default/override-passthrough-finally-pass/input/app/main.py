from fastapi import Depends, FastAPI
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Session

from app.db import Base, get_db


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String)


app = FastAPI()


@app.post("/notes")
def add_note(text: str, db: Session = Depends(get_db)):
    note = Note(text=text)
    db.add(note)
    db.commit()
    return {"id": note.id}
