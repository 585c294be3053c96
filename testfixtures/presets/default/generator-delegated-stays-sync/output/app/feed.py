from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


async def users_of(db: AsyncSession):
    for user in await db.scalars(select(User)):
        yield user


def names(db: AsyncSession):
    return [user.name for user in users_of(db)]
