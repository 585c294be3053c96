from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.database import get_async_db

app = FastAPI()


@app.post("/notes")
async def post_note(text: str, db: AsyncSession = Depends(get_async_db)):
    return {"id": (await crud.add_note(db, text)).id}


@app.get("/notes/count")
async def note_count(db: AsyncSession = Depends(get_async_db)):
    return {"n": await crud.count_notes(db)}
