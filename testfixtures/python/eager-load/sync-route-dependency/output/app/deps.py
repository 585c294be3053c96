from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import Note, Notebook
from sqlalchemy.orm import selectinload

DbSession = Annotated[AsyncSession, Depends(get_async_db)]


async def notebook_or_404(notebook_id: int, db: DbSession) -> Notebook:
    notebook = await db.get(Notebook, notebook_id, options=[selectinload(Notebook.notes)])
    if notebook is None:
        raise HTTPException(status_code=404)
    return notebook


async def note_or_404(note_id: int, db: DbSession) -> Note:
    note = await db.get(Note, note_id, options=[selectinload(Note.notebook)])
    if note is None:
        raise HTTPException(status_code=404)
    return note


NotebookDep = Annotated[Notebook, Depends(notebook_or_404)]
NoteDep = Annotated[Note, Depends(note_or_404)]
