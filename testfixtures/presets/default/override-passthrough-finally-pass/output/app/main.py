from fastapi import Depends, FastAPI
from sqlalchemy import Column, Integer, String
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Base, get_async_db


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String)


app = FastAPI()


@app.post("/notes")
async def add_note(text: str, db: AsyncSession = Depends(get_async_db)):
    note = Note(text=text)
    db.add(note)
    await db.commit()
    return {"id": note.id}
