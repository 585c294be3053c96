from fastapi import APIRouter, FastAPI

from . import notes
from .db import SessionDep

router = APIRouter()


@router.get("/notes")
def read_notes(session: SessionDep, offset: int = 0, limit: int = 10):
    return {"count": notes.count_notes(session), "items": notes.list_notes(session, offset, limit)}


@router.post("/notes")
def create_note(text: str, session: SessionDep):
    return notes.add_note(session, text)


app = FastAPI()
app.include_router(router)
