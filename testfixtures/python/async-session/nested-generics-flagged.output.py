from dataclasses import dataclass
from typing import Callable

from sqlalchemy.orm import Session
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass
class UnitOfWork:
    db: Session
    factory: Callable[[], Session]


def run_all(sessions: list[Session], db: AsyncSession) -> None:
    for s in sessions:
        s.commit()


def local_annotation() -> None:
    scratch: Session = make()
