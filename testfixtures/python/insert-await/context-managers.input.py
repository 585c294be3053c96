from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import SessionLocal
from app.models import User


def with_factory():
    with SessionLocal() as db:
        user = db.get(User, 1)
        db.commit()
    return user


def with_factory_begin():
    with SessionLocal.begin() as db:
        db.add(User(name="x"))
        db.flush()


def plain_factory():
    db = SessionLocal()
    try:
        return db.scalars(select(User)).all()
    finally:
        db.close()


def transactions(db: AsyncSession, user: User):
    with db.begin():
        db.add(user)
    with db.begin_nested():
        db.merge(user)
    with db.no_autoflush:
        db.add(user)


def explicit_begin(db: AsyncSession):
    db.begin()
    db.commit()


def engine_connection(engine):
    # An engine is not a session: its connection is left alone here.
    with engine.connect() as conn:
        conn.execute(select(User))
