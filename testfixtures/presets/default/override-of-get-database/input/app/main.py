from fastapi import Depends, FastAPI
from sqlalchemy import Column, Integer, String
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import Session

from app.db import get_database

Base = declarative_base()


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String)


app = FastAPI()


@app.get("/notes")
def list_notes(db: Session = Depends(get_database)):
    return [n.text for n in db.query(Note).all()]
