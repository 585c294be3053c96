from typing import Optional

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from sqlalchemy import select


async def get_user(db: AsyncSession, id: int) -> Optional[User]:
    return await db.scalar(select(User).where(User.id == id).limit(1))


async def get_user_by_email(db: AsyncSession, *, email: str) -> Optional[User]:
    return await db.scalar(select(User).where(User.email == email).limit(1))


async def create_user(db: AsyncSession, *, email: str) -> User:
    user = User(email=email)
    db.add(user)
    await db.commit()
    await db.refresh(user)
    return user
