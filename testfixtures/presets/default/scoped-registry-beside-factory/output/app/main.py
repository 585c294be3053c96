from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.crud import NoteWriter
from app.db import get_async_db

app = FastAPI()


@app.post("/notes")
async def create_note(body: str, db: AsyncSession = Depends(get_async_db)):
    note = await NoteWriter(db).write(body)
    return {"id": note.id}
