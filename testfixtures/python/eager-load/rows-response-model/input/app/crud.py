from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from . import models


async def posts_with_votes(db: AsyncSession):
    stmt = select(models.Post, func.count(models.Vote.post_id).label("votes")).group_by(models.Post.id)
    return (await db.execute(stmt)).all()


def posts_statement():
    return select(models.Post, func.count(models.Vote.post_id).label("votes")).group_by(models.Post.id)
