from typing import Optional

from app.api import deps
from app.api.deps import DbSession
from app.db import UnitOfWorkSession
from app.other import OtherSession


def read(db: DbSession):
    await db.commit()


def write(db: "DbSession", other: Optional[deps.DbSession] = None):
    await db.flush()
    await other.flush()


def work(uow: UnitOfWorkSession):
    await uow.commit()


def untouched(db: OtherSession):
    # Not configured: not known to be a session.
    db.commit()
