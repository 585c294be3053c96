from sqlalchemy.ext.asyncio import AsyncSession

from app import models
from app import models
from sqlalchemy import select
from sqlalchemy.orm import selectinload


async def recent_posts(db: AsyncSession):
    return (await db.scalars(select(models.Post).options(selectinload(models.Post.author)).order_by(models.Post.id.desc()))).all()
