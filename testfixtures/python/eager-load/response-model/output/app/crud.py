from typing import Optional

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models
from sqlalchemy.orm import selectinload


def get_user(db: AsyncSession, user_id: int) -> Optional[models.User]:
    return await db.scalar(select(models.User).options(selectinload(models.User.items).selectinload(models.Item.tags)).where(models.User.id == user_id))
