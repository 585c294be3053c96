from sqlalchemy.ext.asyncio import AsyncSession

from app import models
from sqlalchemy import select


async def get_user(db: AsyncSession, user_id: int):
    return await db.scalar(select(models.User).where(models.User.id == user_id).limit(1))


async def create_item(db: AsyncSession, title: str, owner_id: int):
    db_item = models.Item(title=title, owner_id=owner_id)
    db.add(db_item)
    await db.commit()
    await db.refresh(db_item)
    return db_item
