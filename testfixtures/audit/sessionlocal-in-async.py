import asyncio

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlalchemy.orm import sessionmaker

from app import database
from app.database import AsyncSessionLocal, SessionLocal, engine, async_engine

Maker = sessionmaker(bind=engine)
AsyncMaker = async_sessionmaker(async_engine)


async def imported_factory():
    db = SessionLocal()
    try:
        db.commit()
    finally:
        db.close()


async def module_attribute():
    with database.SessionLocal() as db:
        pass


async def local_sessionmaker():
    with Maker() as session:
        pass


async def begin_block():
    with SessionLocal.begin() as session:
        pass


async def async_factories():
    async with AsyncSessionLocal() as db:
        await db.commit()
    async with AsyncMaker() as session:
        await session.commit()


def sync_is_fine():
    with SessionLocal() as db:
        db.commit()


async def nested_sync_def_is_not_the_async_def():
    def work():
        with SessionLocal() as db:
            db.commit()

    await asyncio.to_thread(work)


async def lambda_is_not_the_async_def():
    await asyncio.to_thread(lambda: SessionLocal().close())
