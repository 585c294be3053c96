from app import crud
import pytest


@pytest.mark.asyncio
async def test_items(filled_database, session):
    assert filled_database == 3
    assert [i.name for i in await crud.get_items(session)] == ["a", "b", "c"]


@pytest.mark.asyncio
async def test_added(added_name, session):
    assert added_name == "d"
    assert len(await crud.get_items(session)) == 4


def test_bulk(bulk_count):
    assert bulk_count == 7


def test_names(names_after_fill):
    assert sorted(names_after_fill) == ["a", "a", "b", "b", "c"]
