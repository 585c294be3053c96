from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app import deps
from app.db import get_db


def load(db: AsyncSession):
    return (await db.execute(text("select 1"))).scalar()


def startup():
    # The sync dependency advanced by hand hands out a sync Session: flagged where it meets `load`.
    db = next(get_db())
    return load(db)


def startup_through_module():
    session = next(deps.get_db())
    return load(db=session)


def first_of(items, db: AsyncSession):
    # Another next(): nothing to do with the session.
    item = next(iter(items))
    return load(db), item
