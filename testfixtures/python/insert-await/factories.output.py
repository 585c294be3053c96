import app.database as database
from app.db import AsyncSessionLocal
from app.models import User

from sqlalchemy.orm import Session, sessionmaker

SessionFactory = sessionmaker()


def module_attribute():
    async with database.AsyncSessionLocal() as db:
        await db.commit()


def aliased_import():
    async with AsyncSessionLocal() as db:
        await db.commit()


def unknown_factory():
    # No async twin of SessionFactory is bound in this file: flagged, function unchanged.
    with SessionFactory() as db:
        db.add(User())
        db.commit()


def session_class(engine):
    with Session(engine) as db:
        db.commit()


def script():
    db = SessionFactory()
    db.commit()
