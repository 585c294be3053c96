from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Note
from app.store import NoteStore
from sqlalchemy import func, select

app = FastAPI()


@app.get("/notes")
def list_notes(store: NoteStore = Depends()):
    return [n.text for n in store.all()]


@app.get("/notes/count")
async def count_notes(db: AsyncSession = Depends(get_async_db)):
    return await db.scalar(select(func.count()).select_from(Note))
