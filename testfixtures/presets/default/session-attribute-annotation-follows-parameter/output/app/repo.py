from typing import Optional

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from sqlalchemy import select


class UserRepository:
    def __init__(self, session: AsyncSession):
        self.session: AsyncSession = session

    async def get(self, user_id: int):
        return await self.session.get(User, user_id)

    async def add(self, user: User) -> User:
        self.session.add(user)
        await self.session.commit()
        await self.session.refresh(user)
        return user


class OptionalRepository:
    def __init__(self, db: Optional[AsyncSession] = None):
        self.db: Optional[AsyncSession] = db

    async def count(self) -> int:
        return len((await self.db.scalars(select(User))).all())


# The class-level declaration says what the constructor stores: it follows the parameter too.
class DeclaredRepository:
    session: AsyncSession

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def first(self):
        return await self.session.scalar(select(User).limit(1))
