from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response, status
from fastapi.responses import PlainTextResponse

from app import crud
from app.deps import DbSession, NotebookDep
from app.schemas import (
    NotebookCreate,
    NotebookDetail,
    NotebookOut,
    NotebookStat,
    NotebookSummary,
    NotebookUpdate,
    Page,
)
from app.settings import settings

router = APIRouter(prefix="/notebooks", tags=["notebooks"])

Skip = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=settings.max_page_size)]


@router.post("", response_model=NotebookOut, status_code=status.HTTP_201_CREATED)
def create_notebook(data: NotebookCreate, db: DbSession):
    if crud.get_notebook_by_title(db, data.title) is not None:
        raise HTTPException(status_code=409, detail="A notebook with this title exists")
    return crud.create_notebook(db, data)


@router.get("", response_model=Page[NotebookOut])
def list_notebooks(
    db: DbSession,
    skip: Skip = 0,
    limit: Limit = settings.default_page_size,
    include_archived: bool = False,
):
    items = crud.list_notebooks(db, skip=skip, limit=limit, include_archived=include_archived)
    total = crud.count_notebooks(db, include_archived=include_archived)
    return {"items": items, "total": total, "skip": skip, "limit": limit}


@router.get("/stats", response_model=list[NotebookStat])
def notebook_stats(db: DbSession):
    return crud.notebook_stats(db)


@router.get("/{notebook_id}", response_model=NotebookDetail)
def read_notebook(notebook_id: int, db: DbSession):
    notebook = crud.get_notebook_with_notes(db, notebook_id)
    if notebook is None:
        raise HTTPException(status_code=404, detail="Notebook not found")
    return notebook


@router.get("/{notebook_id}/summary", response_model=NotebookSummary)
def notebook_summary(notebook: NotebookDep):
    # Reads the one-to-many collection in the handler itself (a lazy load on first access).
    notes = notebook.notes
    return NotebookSummary(
        id=notebook.id,
        title=notebook.title,
        note_count=len(notes),
        word_count=sum(note.word_count for note in notes),
        pinned_titles=[note.title for note in notes if note.pinned],
    )


@router.get("/{notebook_id}/export", response_class=PlainTextResponse)
def export_notebook(notebook: NotebookDep, db: DbSession):
    return crud.export_markdown(db, notebook)


@router.patch("/{notebook_id}", response_model=NotebookOut)
def update_notebook(data: NotebookUpdate, notebook: NotebookDep, db: DbSession):
    if data.title is not None and data.title != notebook.title:
        if crud.get_notebook_by_title(db, data.title) is not None:
            raise HTTPException(status_code=409, detail="A notebook with this title exists")
    return crud.update_notebook(db, notebook, data)


@router.delete("/{notebook_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_notebook(notebook: NotebookDep, db: DbSession):
    crud.delete_notebook(db, notebook)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
