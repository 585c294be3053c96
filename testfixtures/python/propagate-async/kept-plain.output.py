from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


def report(db: AsyncSession):
    # An await query-to-select wrote; insert-await left the function alone (connection() below).
    users = db.scalars(select(User)).all()
    total = -db.scalar(select(User.id))
    conn = db.connection()
    conn.execute(select(1))

    async def inner():
        return await db.scalar(select(User))

    return users, total, inner


async def count(db: AsyncSession):
    return await db.scalar(select(User))
