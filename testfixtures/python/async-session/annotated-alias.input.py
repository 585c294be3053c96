from typing import Annotated, TypeAlias

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import get_db

DbSession = Annotated[Session, Depends(get_db)]
SessionDep: TypeAlias = Annotated[Session, Depends(get_db)]


def list_users(db: DbSession, other: Annotated[Session, Depends(get_db)]):
    return db, other
