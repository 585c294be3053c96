from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import AsyncSessionLocal
from app.models import User


async def list_users(db: AsyncSession):
    users = (await db.scalars(select(User))).all()
    total = await db.scalar(select(User.id)) ** 2
    await (db.commit())
    return users, total


async def job():
    async with AsyncSessionLocal() as db:
        async with db.begin():
            await db.run_sync(lambda s: s.bulk_save_objects([]))


def partly(db: AsyncSession):
    # Awaited by hand already, the rest not yet: only the rest changes.
    user = await db.get(User, 1)
    await db.delete(user)
    await db.commit()
