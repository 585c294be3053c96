from fastapi import Depends, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.users import get_user


class RoleChecker:
    """A FastAPI dependency class: FastAPI calls the instance, and awaits an async `__call__`."""

    def __init__(self, role: str):
        self.role = role

    async def __call__(self, user_id: int, db: AsyncSession = Depends(get_async_db)):
        user = await get_user(db, user_id)
        if user is None or user.role != self.role:
            raise HTTPException(status_code=403)
        return user


class StrictChecker(RoleChecker):
    async def __call__(self, user_id: int, db: AsyncSession = Depends(get_async_db)):
        return user_id


class Loader:
    """Not a dependency (no Depends parameter): Python calls `__call__` synchronously wherever it is used."""

    def __call__(self, db: AsyncSession, user_id: int):
        return get_user(db, user_id)


admin_only = RoleChecker("admin")
