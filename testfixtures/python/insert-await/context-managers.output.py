from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import AsyncSessionLocal
from app.models import User


def with_factory():
    async with AsyncSessionLocal() as db:
        user = await db.get(User, 1)
        await db.commit()
    return user


def with_factory_begin():
    async with AsyncSessionLocal.begin() as db:
        db.add(User(name="x"))
        await db.flush()


def plain_factory():
    db = AsyncSessionLocal()
    try:
        return (await db.scalars(select(User))).all()
    finally:
        await db.close()


def transactions(db: AsyncSession, user: User):
    async with db.begin():
        db.add(user)
    async with db.begin_nested():
        await db.merge(user)
    with db.no_autoflush:
        db.add(user)


def explicit_begin(db: AsyncSession):
    await db.begin()
    await db.commit()


def engine_connection(engine):
    # An engine is not a session: its connection is left alone here.
    with engine.connect() as conn:
        conn.execute(select(User))
