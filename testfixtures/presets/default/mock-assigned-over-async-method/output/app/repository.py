from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


class UserRepository:
    async def find_by_username(self, db: AsyncSession, username: str):
        return (await db.scalars(select(User).where(User.username == username))).first()
