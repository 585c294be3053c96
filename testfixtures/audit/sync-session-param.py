from typing import Annotated, Optional

import requests
import sqlalchemy.orm
from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from app.deps import get_async_db, get_db

SessionDep = Annotated[Session, Depends(get_db)]
AsyncSessionDep = Annotated[AsyncSession, Depends(get_async_db)]


def by_alias_import(db: OrmSession):
    pass


def by_module_attribute(db: sqlalchemy.orm.Session, limit: int = 10):
    pass


def by_dependency(db=Depends(get_db)):
    pass


def optional(db: Optional[Session] = None):
    pass


def union(db: Session | None = None):
    pass


def forward_reference(db: "Session"):
    pass


def annotated_alias(db: SessionDep):
    pass


async def async_def_still_sync(db: Session):
    pass


class Repository:
    def method(self, db: OrmSession):
        pass


# Not sync sessions:
async def async_session(db: AsyncSession = Depends(get_async_db)):
    pass


def async_alias(db: AsyncSessionDep):
    pass


def http_session(s: requests.Session):
    pass


def session_list(dbs: list[Session]):
    pass


def other_dependency(user=Depends(get_current_user)):
    pass


handler = lambda db: db
