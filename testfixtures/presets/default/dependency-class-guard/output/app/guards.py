from fastapi import Depends, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import User
from sqlalchemy import select


async def get_user(db: AsyncSession, user_id: int):
    return await db.scalar(select(User).where(User.id == user_id).limit(1))


class RoleChecker:
    def __init__(self, role: str):
        self.role = role

    async def __call__(self, user_id: int, db: AsyncSession = Depends(get_async_db)):
        user = await get_user(db, user_id)
        if user is None or user.role != self.role:
            raise HTTPException(status_code=403)
        return user


class OwnerChecker:
    async def __call__(self, user_id: int, db: AsyncSession = Depends(get_async_db)):
        return await db.get(User, user_id)
