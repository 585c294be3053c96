from sqlalchemy.ext.asyncio import AsyncSession

from app.decorators import audited, background_task, registered, retried, timed
from app.models import User
from sqlalchemy import delete, func, select


@background_task
def deactivate(db: AsyncSession, email: str):
    user = db.scalar(select(User).where(User.email == email).limit(1))
    user.email = None
    db.commit()


@audited("cleanup")
def cleanup(db: AsyncSession):
    for user in db.scalars(select(User)).all():
        db.delete(user)
    db.commit()


@timed
async def find(db: AsyncSession, email: str):
    return await db.scalar(select(User).where(User.email == email).limit(1))


@registered
async def count(db: AsyncSession):
    return await db.scalar(select(func.count()).select_from(User))


async def rename(db: AsyncSession, email: str):
    user = await find(db, email)
    user.email = email.lower()
    await db.commit()


@background_task
def rename_later(db: AsyncSession, email: str):
    rename(db, email)


@retried
def purge(db: AsyncSession):
    db.execute(delete(User).where(User.email.is_(None)).execution_options(synchronize_session='evaluate'))
    db.commit()
