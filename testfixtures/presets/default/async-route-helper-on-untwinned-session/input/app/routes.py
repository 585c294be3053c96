from fastapi import APIRouter

from . import notes
from .db import SessionDep

router = APIRouter()


@router.get("/notes")
async def read_notes(session: SessionDep, offset: int = 0, limit: int = 10):
    return {"count": notes.count_notes(session), "items": notes.list_notes(session, offset, limit)}


@router.post("/notes")
async def create_note(text: str, session: SessionDep):
    return notes.add_note(session, text)
