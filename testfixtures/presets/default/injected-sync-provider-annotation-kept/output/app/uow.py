from typing import Iterator

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import get_db as get_original_db


class UnitOfWork:
    def __init__(self, db):
        self.db = db


# Needs no await of its own: it only wraps the sync Session get_db yields.
def get_uow(db: Session = Depends(get_original_db)) -> Iterator[UnitOfWork]:
    yield UnitOfWork(db)
