import typing
from typing import Optional, Union

from sqlalchemy.orm import Session


def a(db: Optional[Session] = None) -> Optional[Session]:
    return db


def b(db: Union[Session, None] = None, c: typing.Optional[Session] = None):
    return db or c


def c(db: Session | None = None) -> "Session | None":
    return db
