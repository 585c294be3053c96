import os
import shutil
import tempfile
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app import crud
from app.database import Base, get_db
from app.main import app
from app.models import Note, Notebook
from app.schemas import NotebookCreate, NoteCreate

# A file rather than ":memory:": TestClient serves requests from another thread, and each connection
# to an in-memory SQLite database would see its own empty database.
_tmpdir = tempfile.mkdtemp(prefix="notes2-tests-")
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{_tmpdir}/test.db"

engine = create_engine(
    DATABASE_URL, connect_args={"check_same_thread": False} if DATABASE_URL.startswith("sqlite") else {}
)
TestingSessionLocal = sessionmaker(bind=engine, autoflush=False)


@pytest.fixture(scope="session", autouse=True)
def schema() -> Iterator[None]:
    # drop_all first: a Postgres database may keep tables from an interrupted run.
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    yield
    Base.metadata.drop_all(engine)
    engine.dispose()
    shutil.rmtree(_tmpdir, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_tables() -> Iterator[None]:
    yield
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture()
def db() -> Iterator[Session]:
    with TestingSessionLocal() as session:
        yield session


def override_get_db() -> Iterator[Session]:
    db = TestingSessionLocal()
    try:
        yield db
    finally:
        db.close()


@pytest.fixture()
def client() -> Iterator[TestClient]:
    app.dependency_overrides[get_db] = override_get_db
    try:
        with TestClient(app) as c:
            yield c
    finally:
        app.dependency_overrides.clear()


@pytest.fixture()
def notebook_factory(db: Session) -> Callable[..., Notebook]:
    def make(title: str = "Inbox", **fields: object) -> Notebook:
        return crud.create_notebook(db, NotebookCreate(title=title, **fields))

    return make


@pytest.fixture()
def note_factory(db: Session) -> Callable[..., Note]:
    def make(notebook: Notebook, title: str = "Note", body: str = "", pinned: bool = False) -> Note:
        return crud.create_note(db, notebook, NoteCreate(title=title, body=body, pinned=pinned))

    return make
