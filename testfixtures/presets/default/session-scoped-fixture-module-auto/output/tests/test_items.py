import pytest
import pytest_asyncio

from app import crud
from app.db import AsyncSessionLocal, engine
from app.models import Base, Item

Base.metadata.create_all(bind=engine)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def db():
    async with AsyncSessionLocal() as session:
        yield session


@pytest_asyncio.fixture(loop_scope="module")
async def item(db):
    item = Item(name="seeded")
    db.add(item)
    await db.commit()
    await db.refresh(item)
    return item


@pytest.mark.asyncio(loop_scope="module")
async def test_create_item(db):
    item = await crud.create_item(db, "x")
    assert item.id is not None


@pytest.mark.asyncio(loop_scope="module")
async def test_seeded(item, db):
    assert (await db.get(Item, item.id)).name == "seeded"


@pytest.mark.asyncio(loop_scope="module")
async def test_count(db):
    assert await crud.count_items(db) >= 2


def test_seeded_name(item):
    assert item.name == "seeded"
