from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.session import get_async_db
from app.models import User


class UserRepo:
    def __init__(self, db: AsyncSession = Depends(get_async_db)):
        self.db = db

    def get(self, user_id: int) -> User:
        return await self.db.get(User, user_id)

    def list_active(self) -> list[User]:
        return (await self.db.scalars(select(User).where(User.is_active))).all()

    def table_name(self) -> str:
        return User.__tablename__
