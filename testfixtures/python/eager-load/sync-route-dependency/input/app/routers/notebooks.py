from typing import Annotated

from fastapi import APIRouter, Depends

from app.deps import NotebookDep, NoteDep, notebook_or_404
from app.models import Notebook

router = APIRouter()


@router.get("/notebooks/{notebook_id}/summary")
def summary(notebook: NotebookDep):
    # A plain def route runs in a threadpool; the notebook came from an AsyncSession all the same.
    notes = notebook.notes
    return {"count": len(notes)}


@router.get("/notebooks/{notebook_id}/titles")
async def titles(notebook: Annotated[Notebook, Depends(notebook_or_404)]):
    return [note.id for note in notebook.notes]


@router.get("/notes/{note_id}/notebook")
def notebook_of(note: NoteDep):
    return {"title": note.notebook.title}


@router.get("/notebooks/{notebook_id}")
def title_only(notebook: NotebookDep):
    return {"title": notebook.title}


def render(notebook: Notebook) -> str:
    # Not a route and not async: whoever calls it with a sync session loads lazily as before.
    return ", ".join(str(n.id) for n in notebook.notes)
