from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.db import make_db

engine = create_engine(get_settings().database_url)
open_db = sessionmaker(bind=engine)


class Repo:
    def __init__(self, factory, db: Session) -> None:
        self._factory = factory
        self.db = db

    @property
    def session(self) -> Session:
        return self._factory()

    @property
    def request_session(self) -> Session:
        return self.db


def local_factory() -> Session:
    return open_db()


def inline_factory() -> Session:
    return sessionmaker(bind=create_engine("sqlite://"))()


def imported_factory(db: Optional[Session] = None) -> Session:
    return db or make_db()


def passed_through(db: Session) -> Session:
    return db


class Holder:
    def __init__(self) -> None:
        self.db = open_db()

    def session(self) -> Session:
        return self.db
