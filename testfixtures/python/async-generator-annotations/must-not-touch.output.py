from typing import AsyncGenerator, Generator, Iterator

from sqlalchemy.orm import Session

from app.db import SessionLocal
from mylib import Iterable


async def returns_generator() -> Iterator[int]:
    # No yield of its own: it returns a (sync) iterator built elsewhere.
    def inner():
        yield 1

    return inner()


async def not_typing() -> Iterable[int]:
    yield 1


async def sync_session_inside() -> AsyncGenerator[Session, None]:
    # The yielded session is not visibly async: only the container changes.
    session = SessionLocal()
    yield session


def sync_generator() -> Generator[Session, None, None]:
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()
