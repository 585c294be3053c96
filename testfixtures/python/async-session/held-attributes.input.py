from dataclasses import dataclass
from typing import Optional

from sqlalchemy.orm import Session

from app.db import SessionLocal, traced


class Repository:
    def __init__(self, session: Session):
        self.session: Session = session


class DecoratedConstructor:
    @traced
    def __init__(self, db: Session) -> None:
        self.db: Session = db


class OptionalHolder:
    def __init__(self, db: Optional[Session] = None):
        self.db: Optional[Session] = db


class Declared:
    session: Session

    def __init__(self, session: Session) -> None:
        self.session = session


class BoundLater:
    def __init__(self) -> None:
        self.db: Optional[Session] = None

    def bind(self, db: Session) -> None:
        self.db = db


class FromFactory:
    def __init__(self) -> None:
        self.session: Session = SessionLocal()


class FallsBackToFactory:
    def __init__(self, db: Optional[Session] = None) -> None:
        self.db: Optional[Session] = db or SessionLocal()


class Rebound:
    def __init__(self, db: Session) -> None:
        db = db.get_bind() and SessionLocal()
        self.db: Session = db


class AlsoStoredFromFactory:
    def __init__(self, db: Session) -> None:
        self.db: Session = db

    def reset(self) -> None:
        self.db = SessionLocal()


class DefaultAtClassLevel:
    db: Session = SessionLocal()

    def __init__(self, db: Session) -> None:
        self.db = db


@dataclass
class Filled:
    db: Session


session: Session = SessionLocal()
