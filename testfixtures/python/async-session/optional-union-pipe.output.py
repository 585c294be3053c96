import typing
from typing import Optional, Union

from sqlalchemy.ext.asyncio import AsyncSession


def a(db: Optional[AsyncSession] = None) -> Optional[AsyncSession]:
    return db


def b(db: Union[AsyncSession, None] = None, c: typing.Optional[AsyncSession] = None):
    return db or c


def c(db: AsyncSession | None = None) -> "AsyncSession | None":
    return db
