import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import crud
from app.models import Item


@pytest.mark.asyncio
async def test_get_item(db):
    item = await crud.get_item(db, 1)
    assert item is None


@pytest.mark.asyncio
async def test_get_item_seeded(returned_db):
    returned_db.add(Item(id=1, name="a"))
    returned_db.commit()
    assert (await crud.get_item(returned_db, 1)).name == "a"


@pytest.mark.asyncio
async def test_get_item_entered(entered_db):
    assert await crud.get_item(entered_db, 1) is None


@pytest.mark.asyncio
async def test_get_item_typed(typed_db):
    assert await crud.get_item(typed_db, 1) is None


class TestStored:
    @pytest.fixture(autouse=True)
    def setup(self, db):
        self.db = db

    @pytest.mark.asyncio
    async def test_stored(self):
        assert await crud.get_item(self.db, 1) is None


def test_sync_only(sync_only_db):
    sync_only_db.add(Item(id=2, name="b"))
    sync_only_db.commit()
    assert sync_only_db.execute(select(Item)).scalar_one().name == "b"


def test_sync_only_annotated(sync_only_db: Session):
    sync_only_db.add(Item(id=3, name="c"))
    sync_only_db.commit()
    assert sync_only_db.get(Item, 3).name == "c"


@pytest.mark.asyncio
async def test_report_session(report_db):
    assert await crud.get_item(report_db, 1) is None


def test_checked(checked_db):
    assert checked_db.get(Item, 1) is None
