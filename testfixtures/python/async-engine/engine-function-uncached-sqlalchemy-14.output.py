from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, AsyncSession


def make_engine():
    return create_engine("postgresql://app:secret@db/app", pool_size=10)


def async_make_engine():
    return create_async_engine("postgresql+asyncpg://app:secret@db/app", pool_size=10)


def get_session_factory():
    return sessionmaker(bind=make_engine())


def get_async_session_factory():
    return sessionmaker(async_make_engine(), class_=AsyncSession, expire_on_commit=False)


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with get_async_session_factory()() as session:
        yield session
