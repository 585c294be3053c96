"""Data access. The older functions still use the legacy Query API and the newer ones 2.0-style
select(): the team converts them as they touch them."""
from collections.abc import Sequence

from sqlalchemy import Row, delete, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.models import Note, Notebook
from app.schemas import NotebookCreate, NotebookUpdate, NoteCreate, NoteUpdate


def _words(text: str) -> int:
    return len(text.split())


# ---- notebooks ----


def create_notebook(db: Session, data: NotebookCreate) -> Notebook:
    notebook = Notebook(**data.model_dump())
    db.add(notebook)
    db.commit()
    db.refresh(notebook)
    return notebook


def get_notebook(db: Session, notebook_id: int) -> Notebook | None:
    return db.get(Notebook, notebook_id)


def get_notebook_by_title(db: Session, title: str) -> Notebook | None:
    return db.execute(select(Notebook).where(Notebook.title == title)).scalar_one_or_none()


def get_notebook_with_notes(db: Session, notebook_id: int) -> Notebook | None:
    stmt = select(Notebook).options(selectinload(Notebook.notes)).where(Notebook.id == notebook_id)
    return db.scalars(stmt).first()


def list_notebooks(db: Session, *, skip: int = 0, limit: int = 20, include_archived: bool = False) -> list[Notebook]:
    query = db.query(Notebook)
    if not include_archived:
        query = query.filter(Notebook.archived.is_(False))
    return query.order_by(Notebook.id).offset(skip).limit(limit).all()


def count_notebooks(db: Session, *, include_archived: bool = False) -> int:
    if include_archived:
        return db.query(Notebook).count()
    return db.query(Notebook).filter(Notebook.archived.is_(False)).count()


def notebook_stats(db: Session) -> list[Row]:
    # Outer join so empty notebooks report 0 instead of disappearing.
    return (
        db.query(Notebook.id, Notebook.title, func.count(Note.id).label("note_count"))
        .outerjoin(Notebook.notes)
        .group_by(Notebook.id, Notebook.title)
        .order_by(Notebook.id)
        .all()
    )


def update_notebook(db: Session, notebook: Notebook, data: NotebookUpdate) -> Notebook:
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(notebook, name, value)
    db.commit()
    db.refresh(notebook)
    return notebook


def delete_notebook(db: Session, notebook: Notebook) -> None:
    # The ORM cascade deletes the notes too; SQLite does not enforce ON DELETE CASCADE by default.
    db.delete(notebook)
    db.commit()


def export_markdown(db: Session, notebook: Notebook) -> str:
    lines = [f"# {notebook.title}", ""]
    for note in db.query(Note).filter(Note.notebook_id == notebook.id).order_by(Note.pinned.desc(), Note.id):
        marker = " (pinned)" if note.pinned else ""
        lines += [f"## {note.title}{marker}", "", note.body, ""]
    return "\n".join(lines).rstrip() + "\n"


# ---- notes ----


def create_note(db: Session, notebook: Notebook, data: NoteCreate) -> Note:
    note = Note(notebook_id=notebook.id, word_count=_words(data.body), **data.model_dump())
    db.add(note)
    db.commit()
    db.refresh(note)
    return note


def get_note(db: Session, note_id: int) -> Note | None:
    return db.query(Note).filter(Note.id == note_id).first()


def list_notes(
    db: Session,
    notebook_id: int,
    *,
    skip: int = 0,
    limit: int = 20,
    pinned: bool | None = None,
    search: str | None = None,
) -> tuple[int, Sequence[Note]]:
    stmt = select(Note).where(Note.notebook_id == notebook_id)
    if pinned is not None:
        stmt = stmt.where(Note.pinned.is_(pinned))
    if search:
        pattern = f"%{search}%"
        stmt = stmt.where(or_(Note.title.ilike(pattern), Note.body.ilike(pattern)))
    total = db.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    notes = db.scalars(stmt.order_by(Note.pinned.desc(), Note.id).offset(skip).limit(limit)).all()
    return total, notes


def search_notes(db: Session, text: str, *, limit: int = 20) -> list[Note]:
    """Matches note titles and the title of the notebook they are in; archived notebooks are skipped."""
    pattern = f"%{text}%"
    return (
        db.query(Note)
        .join(Note.notebook)
        .filter(Notebook.archived.is_(False))
        .filter(or_(Note.title.ilike(pattern), Notebook.title.ilike(pattern)))
        .order_by(Note.id)
        .limit(limit)
        .all()
    )


def update_note(db: Session, note: Note, data: NoteUpdate) -> Note:
    values = data.model_dump(exclude_unset=True)
    for name, value in values.items():
        setattr(note, name, value)
    if "body" in values:
        note.word_count = _words(note.body)
    db.commit()
    db.refresh(note)
    return note


def move_note(db: Session, note: Note, target: Notebook) -> Note:
    note.notebook = target
    db.commit()
    db.refresh(note)
    return note


def delete_note(db: Session, note: Note) -> None:
    db.delete(note)
    db.commit()


def pin_notes(db: Session, notebook_id: int, note_ids: Sequence[int]) -> int:
    # Scoped to the notebook: ids from another notebook in the request are ignored, not pinned.
    pinned = (
        db.query(Note)
        .filter(Note.notebook_id == notebook_id, Note.id.in_(note_ids), Note.pinned.is_(False))
        .update({Note.pinned: True}, synchronize_session=False)
    )
    db.commit()
    return pinned


def unpin_all(db: Session, notebook_id: int) -> int:
    unpinned = db.query(Note).filter_by(notebook_id=notebook_id, pinned=True).update({"pinned": False})
    db.commit()
    return unpinned


def delete_empty_notes(db: Session, notebook_id: int) -> int:
    result = db.execute(delete(Note).where(Note.notebook_id == notebook_id, Note.word_count == 0))
    db.commit()
    return result.rowcount
