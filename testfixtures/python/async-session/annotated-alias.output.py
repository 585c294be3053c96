from typing import Annotated, TypeAlias

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_db

DbSession = Annotated[AsyncSession, Depends(get_db)]
SessionDep: TypeAlias = Annotated[AsyncSession, Depends(get_db)]


def list_users(db: DbSession, other: Annotated[AsyncSession, Depends(get_db)]):
    return db, other
