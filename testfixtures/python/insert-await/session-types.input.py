from typing import Optional

from app.api import deps
from app.api.deps import DbSession
from app.db import UnitOfWorkSession
from app.other import OtherSession


def read(db: DbSession):
    db.commit()


def write(db: "DbSession", other: Optional[deps.DbSession] = None):
    db.flush()
    other.flush()


def work(uow: UnitOfWorkSession):
    uow.commit()


def untouched(db: OtherSession):
    # Not configured: not known to be a session.
    db.commit()
