from typing import Annotated

from fastapi import Depends
from sqlalchemy import create_engine, orm
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, sessionmaker

from app import deps
from app.db import SessionLocal as ImportedLocal
from app.models import User

engine = create_engine("sqlite://")
LocalSession = sessionmaker(bind=engine)
DbSession = Annotated[Session, Depends(deps.get_db)]


def annotated_alias(db: DbSession):
    return db.query(User).all()


def depends_default(db=Depends(deps.get_db)):
    return db.query(User).all()


def annotated_inline(db: Annotated[Session, Depends(get_db)]):
    return db.query(User).all()


def module_attribute(db: orm.Session):
    return db.query(User).all()


def optional_session(db: "Session | None" = None, other: Session | None = None):
    return other.query(User).all()


def async_session(db: AsyncSession):
    return db.query(User).all()


def with_factory():
    with LocalSession() as s:
        return s.query(User).all()


def with_imported_factory():
    with ImportedLocal() as s:
        return s.query(User).count()


def session_class():
    with Session(engine) as session:
        return session.query(User).first()


class Repo:
    def __init__(self, db: Session):
        self.db = db

    def all(self):
        return self.db.query(User).all()


class Annotated2:
    session: Session

    def all(self):
        return self.session.query(User).all()


def nested(db: Session):
    def inner():
        return db.query(User).all()

    return inner()
