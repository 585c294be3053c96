from dataclasses import dataclass
from typing import Optional

from sqlalchemy.orm import Session

from app.db import SessionLocal, traced
from sqlalchemy.ext.asyncio import AsyncSession


class Repository:
    def __init__(self, session: AsyncSession):
        self.session: AsyncSession = session


class DecoratedConstructor:
    @traced
    def __init__(self, db: AsyncSession) -> None:
        self.db: AsyncSession = db


class OptionalHolder:
    def __init__(self, db: Optional[AsyncSession] = None):
        self.db: Optional[AsyncSession] = db


class Declared:
    session: AsyncSession

    def __init__(self, session: AsyncSession) -> None:
        self.session = session


class BoundLater:
    def __init__(self) -> None:
        self.db: Optional[AsyncSession] = None

    def bind(self, db: AsyncSession) -> None:
        self.db = db


class FromFactory:
    def __init__(self) -> None:
        self.session: Session = SessionLocal()


class FallsBackToFactory:
    def __init__(self, db: Optional[AsyncSession] = None) -> None:
        self.db: Optional[Session] = db or SessionLocal()


class Rebound:
    def __init__(self, db: AsyncSession) -> None:
        db = db.get_bind() and SessionLocal()
        self.db: Session = db


class AlsoStoredFromFactory:
    def __init__(self, db: AsyncSession) -> None:
        self.db: Session = db

    def reset(self) -> None:
        self.db = SessionLocal()


class DefaultAtClassLevel:
    db: Session = SessionLocal()

    def __init__(self, db: AsyncSession) -> None:
        self.db = db


@dataclass
class Filled:
    db: Session


session: Session = SessionLocal()
