from typing import Iterator

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_db
from sqlalchemy.orm import Session


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


async def close_day(db: AsyncSession):
    with Batch(db):
        await db.flush()


class Ledger:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def close_books(self):
        await self.db.commit()


async def finish(ledger: Ledger):
    await ledger.close_books()


def get_ledger(db: Session = Depends(get_db)) -> Iterator[Ledger]:
    yield Ledger(db)
