import pytest_asyncio

from app.database import Base
from app import crud, filler, models
from app.repo import ItemRepo

from tests.db import AsyncTestSessionLocal, TestSessionLocal, async_engine
from sqlalchemy import func, select


# The fixture becomes async because it awaits filler.run; its own session goes to that coroutine function, so it
# comes from the async factory, and the session's own calls are awaited in the same run.
@pytest_asyncio.fixture()
async def filled_database():
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    db = AsyncTestSessionLocal()
    await filler.run(db)
    db.add(models.Item(name="c"))
    await db.commit()
    count = len((await db.execute(models.Item.__table__.select())).all())
    yield count
    await db.close()
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)


@pytest_asyncio.fixture()
async def session():
    async with AsyncTestSessionLocal() as db:
        yield db


# Its transaction becomes an `async with` in the same run (`tx` is used nowhere else), and so does the session's own
# context manager.
@pytest_asyncio.fixture()
async def added_name(filled_database):
    db = AsyncTestSessionLocal()
    async with db:
        async with db.begin() as tx:
            name = (await crud.add_item(db, "d")).name
    return name


# AsyncSession has no bulk_save_objects: it runs through run_sync, in the same run.
@pytest_asyncio.fixture()
async def bulk_count(filled_database):
    db = AsyncTestSessionLocal()
    await db.run_sync(lambda sync_session: sync_session.bulk_save_objects([models.Item(name="e"), models.Item(name="f")]))
    await db.commit()
    await filler.run(db)
    count = await db.scalar(select(func.count()).select_from(models.Item))
    await db.close()
    return count


# Made async for the session fixture's filler.run; its own session goes to no coroutine function, yet it is switched
# in the same run, its calls awaited.
@pytest_asyncio.fixture()
async def names_after_fill(filled_database, session):
    await filler.run(session)
    db = AsyncTestSessionLocal()
    names = [r.name for r in (await db.execute(models.Item.__table__.select())).all()]
    await db.close()
    return names


# Handed to a repository object, which is no coroutine function: left as it is, flagged.
@pytest_asyncio.fixture()
async def repo_item(filled_database):
    db = TestSessionLocal()
    repo = ItemRepo(db)
    return await repo.add("g")
