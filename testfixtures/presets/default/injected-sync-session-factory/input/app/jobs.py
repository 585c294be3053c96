from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app import crud
from app.db import SessionLocal


def item_exists(name: str, *, session_factory: Callable[[], Session] = SessionLocal) -> bool:
    with session_factory() as db:
        return crud.get_item(db, name) is not None


def item_known(name: str, session_factory: sessionmaker) -> bool:
    db = session_factory()
    try:
        return crud.get_item(db, name) is not None
    finally:
        db.close()


class Worker:
    def __init__(self, session_factory=SessionLocal) -> None:
        self._session_factory = session_factory

    def run(self, name: str) -> bool:
        with self._session_factory() as db:
            return crud.get_item(db, name) is not None
