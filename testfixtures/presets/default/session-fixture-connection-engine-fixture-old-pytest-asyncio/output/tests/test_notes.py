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


def test_api(client):
    assert client.post("/notes", params={"text": "x"}).status_code == 200
    assert client.get("/notes/count").json() == {"n": 1}
