from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import SessionLocal

app = FastAPI()


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


async def request_session():
    """Hands on get_db's session."""
    async for session in get_async_db():
        yield session


def script_session():
    yield from get_db()


# On one line: no indented body to write the `async for` into; left as it is.
def inline_session(): yield from get_db()


def audited_session(user: str = "system"):
    yield from get_db()


@app.get("/a")
def read_a(db: Session = Depends(request_session)):
    return db


@app.get("/b")
def read_b(db: Session = Depends(audited_session)):
    return db


@app.get("/c")
def read_c(db: Session = Depends(inline_session)):
    return db


def main():
    db = next(script_session())
    return db
