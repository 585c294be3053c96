from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.dependencies import get_async_db
from app.models import Note
from sqlalchemy import select

app = FastAPI()


@app.get("/notes")
async def list_notes(db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(Note))).all()


@app.get("/notes/{note_id}")
async def read_note(note_id: int, db: AsyncSession = Depends(get_async_db)):
    return await db.get(Note, note_id)
