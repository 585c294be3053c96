from typing import Optional

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.crud.base import CRUDBase
from app.models.user import User


class CRUDUser(CRUDBase[User]):
    def get_by_email(self, db: AsyncSession, *, email: str) -> Optional[User]:
        return await db.scalar(select(User).where(User.email == email).limit(1))

    def is_active(self, user: User) -> bool:
        return user.is_active


user = CRUDUser(User)
