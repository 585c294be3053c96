from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Tag
from sqlalchemy import select
from sqlalchemy.orm import selectinload


async def get_tag(db: AsyncSession, tag_id: int):
    return await db.scalar(select(Tag).where(Tag.id == tag_id).limit(1))


async def tag_project_name(db: AsyncSession, tag_id: int):
    tag = await db.scalar(select(Tag).options(selectinload(Tag.project)).where(Tag.id == tag_id).limit(1))
    # Project comes from the mixin's declared_attr relationship: a lazy load.
    return tag.project.name


async def rename_project(db: AsyncSession, tag: Tag, name: str):
    tag.project.name = name
    await db.commit()
