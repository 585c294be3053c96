from typing import Iterator

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import get_db


class Transaction:
    """Keeps the session and only delegates to it: nothing here awaits it."""

    def __init__(self, db):
        self.db = db

    def __getattr__(self, attr):
        return getattr(self.db, attr)


def get_tx(db: Session = Depends(get_db)) -> Iterator[Transaction]:
    yield Transaction(db)


class UnitOfWork:
    """Commits or rolls back on exit; built only on the sync Session get_db yields."""

    def __init__(self, db: Session):
        self.db = db

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        if exc_type:
            self.db.rollback()
        else:
            self.db.commit()
        self.db.close()


def get_uow(db: Session = Depends(get_db)) -> Iterator[UnitOfWork]:
    with UnitOfWork(db) as uow:
        yield uow


class Batch:
    """Built by close_day, whose session nothing in the project says is sync."""

    def __init__(self, db: Session):
        self.db = db

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.db.commit()


def close_day(db: Session):
    with Batch(db):
        db.flush()


class Ledger:
    def __init__(self, db: Session):
        self.db = db

    def close_books(self):
        self.db.commit()


async def finish(ledger: Ledger):
    await ledger.close_books()


def get_ledger(db: Session = Depends(get_db)) -> Iterator[Ledger]:
    yield Ledger(db)
