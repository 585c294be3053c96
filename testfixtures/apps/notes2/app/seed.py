"""Seeds a demo notebook: `python -m app.seed`. Safe to run twice."""
from sqlalchemy.orm import Session

from app import crud
from app.database import Base, SessionLocal, engine
from app.schemas import NotebookCreate, NoteCreate

DEMO_TITLE = "Getting started"


def seed(db: Session) -> bool:
    """Returns whether anything was created."""
    if crud.get_notebook_by_title(db, DEMO_TITLE) is not None:
        return False
    notebook = crud.create_notebook(db, NotebookCreate(title=DEMO_TITLE, description="Try editing this."))
    crud.create_note(db, notebook, NoteCreate(title="Welcome", body="Notes live in notebooks.", pinned=True))
    crud.create_note(db, notebook, NoteCreate(title="Search", body="Use /notes/search?q=..."))
    return True


def main() -> None:
    Base.metadata.create_all(engine)
    with SessionLocal() as db:
        created = seed(db)
    print("seeded" if created else "already seeded")


if __name__ == "__main__":
    main()
