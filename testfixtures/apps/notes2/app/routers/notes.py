from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response, status

from app import crud
from app.deps import DbSession, NoteDep, NotebookDep
from app.schemas import Affected, MoveNote, NoteCreate, NoteIds, NoteOut, NoteUpdate, Page
from app.settings import settings

router = APIRouter(tags=["notes"])

Skip = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=settings.max_page_size)]


@router.post("/notebooks/{notebook_id}/notes", response_model=NoteOut, status_code=status.HTTP_201_CREATED)
def create_note(data: NoteCreate, notebook: NotebookDep, db: DbSession):
    if notebook.archived:
        raise HTTPException(status_code=409, detail="Notebook is archived")
    return crud.create_note(db, notebook, data)


@router.get("/notebooks/{notebook_id}/notes", response_model=Page[NoteOut])
def list_notes(
    notebook: NotebookDep,
    db: DbSession,
    skip: Skip = 0,
    limit: Limit = settings.default_page_size,
    pinned: bool | None = None,
    q: str | None = None,
):
    total, notes = crud.list_notes(db, notebook.id, skip=skip, limit=limit, pinned=pinned, search=q)
    return {"items": notes, "total": total, "skip": skip, "limit": limit}


@router.post("/notebooks/{notebook_id}/notes/pin", response_model=Affected)
def pin_notes(data: NoteIds, notebook: NotebookDep, db: DbSession):
    return {"affected": crud.pin_notes(db, notebook.id, data.note_ids)}


@router.post("/notebooks/{notebook_id}/notes/unpin-all", response_model=Affected)
def unpin_all(notebook: NotebookDep, db: DbSession):
    return {"affected": crud.unpin_all(db, notebook.id)}


@router.delete("/notebooks/{notebook_id}/notes/empty", response_model=Affected)
def delete_empty_notes(notebook: NotebookDep, db: DbSession):
    return {"affected": crud.delete_empty_notes(db, notebook.id)}


@router.get("/notes/search", response_model=list[NoteOut])
def search_notes(db: DbSession, q: Annotated[str, Query(min_length=2)], limit: Limit = 20):
    return crud.search_notes(db, q, limit=limit)


@router.get("/notes/{note_id}", response_model=NoteOut)
def read_note(note: NoteDep):
    return note


@router.patch("/notes/{note_id}", response_model=NoteOut)
def update_note(data: NoteUpdate, note: NoteDep, db: DbSession):
    return crud.update_note(db, note, data)


@router.post("/notes/{note_id}/move", response_model=NoteOut)
def move_note(data: MoveNote, note: NoteDep, db: DbSession):
    target = crud.get_notebook(db, data.notebook_id)
    if target is None:
        raise HTTPException(status_code=404, detail="Target notebook not found")
    if target.archived:
        raise HTTPException(status_code=409, detail="Notebook is archived")
    return crud.move_note(db, note, target)


@router.delete("/notes/{note_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_note(note: NoteDep, db: DbSession):
    crud.delete_note(db, note)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
