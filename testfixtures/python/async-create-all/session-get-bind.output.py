from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import declarative_base

Base = declarative_base()


async def seed(db: AsyncSession, create_tables: bool) -> None:
    if create_tables:
        await db.run_sync(lambda sync_session: Base.metadata.create_all(bind=sync_session.get_bind()))
    await db.run_sync(lambda sync_session: Base.metadata.drop_all(bind=sync_session.get_bind(), checkfirst=True))


async def rebound(db: AsyncSession, other) -> None:
    # db is another object by the time get_bind() runs: not followed.
    db = other
    Base.metadata.create_all(bind=db.get_bind())


async def untyped(db) -> None:
    # Not known to be an AsyncSession: reported, unchanged.
    Base.metadata.create_all(bind=db.get_bind())
