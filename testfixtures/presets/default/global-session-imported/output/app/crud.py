from sqlalchemy.ext.asyncio import AsyncSession

from .db import Tag
from sqlalchemy import func, select


async def create_tag(db: AsyncSession, label: str) -> Tag:
    tag = Tag(label=label)
    db.add(tag)
    await db.commit()
    await db.refresh(tag)
    return tag


async def count_tags(db: AsyncSession) -> int:
    return await db.scalar(select(func.count()).select_from(Tag))
