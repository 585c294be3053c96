"""CRUD helpers."""
from typing import Optional

from sqlalchemy.orm import joinedload

from app.models import User
from sqlalchemy.ext.asyncio import AsyncSession


def get_user(db: AsyncSession, user_id: int) -> Optional[User]:
    # the session is the caller's
    return db.query(User).options(joinedload(User.items)).get(user_id)
