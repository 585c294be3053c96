from typing import Annotated

from fastapi import Depends
from sqlalchemy import create_engine, func, orm, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, sessionmaker

from app import deps
from app.db import SessionLocal as ImportedLocal
from app.models import User

engine = create_engine("sqlite://")
LocalSession = sessionmaker(bind=engine)
DbSession = Annotated[Session, Depends(deps.get_db)]


def annotated_alias(db: DbSession):
    return db.scalars(select(User)).all()


def depends_default(db=Depends(deps.get_db)):
    return db.scalars(select(User)).all()


def annotated_inline(db: Annotated[Session, Depends(get_db)]):
    return db.scalars(select(User)).all()


def module_attribute(db: orm.Session):
    return db.scalars(select(User)).all()


def optional_session(db: "Session | None" = None, other: Session | None = None):
    return other.scalars(select(User)).all()


def async_session(db: AsyncSession):
    return db.scalars(select(User)).all()


def with_factory():
    with LocalSession() as s:
        return s.scalars(select(User)).all()


def with_imported_factory():
    with ImportedLocal() as s:
        return s.scalar(select(func.count()).select_from(User))


def session_class():
    with Session(engine) as session:
        return session.scalar(select(User).limit(1))


class Repo:
    def __init__(self, db: Session):
        self.db = db

    def all(self):
        return self.db.scalars(select(User)).all()


class Annotated2:
    session: Session

    def all(self):
        return self.session.scalars(select(User)).all()


def nested(db: Session):
    def inner():
        return db.scalars(select(User)).all()

    return inner()
