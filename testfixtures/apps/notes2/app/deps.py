from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy.orm import Session

from app import crud
from app.database import get_db
from app.models import Note, Notebook

DbSession = Annotated[Session, Depends(get_db)]


def notebook_or_404(notebook_id: int, db: DbSession) -> Notebook:
    notebook = crud.get_notebook(db, notebook_id)
    if notebook is None:
        raise HTTPException(status_code=404, detail="Notebook not found")
    return notebook


def note_or_404(note_id: int, db: DbSession) -> Note:
    note = crud.get_note(db, note_id)
    if note is None:
        raise HTTPException(status_code=404, detail="Note not found")
    return note


NotebookDep = Annotated[Notebook, Depends(notebook_or_404)]
NoteDep = Annotated[Note, Depends(note_or_404)]
