import os
import shutil
import tempfile
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel, create_engine

from app import crud
from app.db import get_session
from app.main import app
from app.models import Author, AuthorCreate, Book, BookCreate

# A file rather than ":memory:": TestClient serves requests from another thread, and each connection to an
# in-memory SQLite database would see its own empty database.
_tmpdir = tempfile.mkdtemp(prefix="library-tests-")
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{_tmpdir}/test.db"

engine = create_engine(
    DATABASE_URL, connect_args={"check_same_thread": False} if DATABASE_URL.startswith("sqlite") else {}
)


@pytest.fixture(scope="session", autouse=True)
def schema() -> Iterator[None]:
    # drop_all first: a Postgres database may keep tables from an interrupted run.
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    yield
    SQLModel.metadata.drop_all(engine)
    engine.dispose()
    shutil.rmtree(_tmpdir, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_tables() -> Iterator[None]:
    yield
    with engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture()
def session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


def session_override() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@pytest.fixture()
def client() -> Iterator[TestClient]:
    app.dependency_overrides[get_session] = session_override
    try:
        with TestClient(app) as c:
            yield c
    finally:
        app.dependency_overrides.clear()


@pytest.fixture()
def make_author(session: Session) -> Callable[..., Author]:
    def make(name: str = "Ursula", country: str | None = None) -> Author:
        return crud.create_author(session, AuthorCreate(name=name, country=country))

    return make


@pytest.fixture()
def make_book(session: Session) -> Callable[..., Book]:
    def make(author: Author, title: str = "Untitled", pages: int = 100, year: int | None = None) -> Book:
        return crud.add_book(session, author, BookCreate(title=title, pages=pages, year=year))

    return make
