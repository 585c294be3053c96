from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
import pytest


@pytest.mark.asyncio
async def test_add_and_count(db: AsyncSession):
    await crud.add_note(db, "a")
    await crud.add_note(db, "b")
    assert await crud.count_notes(db) == 2


@pytest.mark.asyncio
async def test_rolled_back_between_tests(db: AsyncSession):
    assert await crud.count_notes(db) == 0


@pytest.mark.asyncio
async def test_block(block_db: AsyncSession):
    await crud.add_note(block_db, "a")
    assert await crud.count_notes(block_db) == 1


@pytest.mark.asyncio
async def test_block_rolled_back(block_db: AsyncSession):
    assert await crud.count_notes(block_db) == 0


def test_api(client):
    assert client.post("/notes", params={"text": "x"}).status_code == 200
    assert client.get("/notes/count").json() == {"n": 1}
