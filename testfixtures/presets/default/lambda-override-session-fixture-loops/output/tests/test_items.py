from app.main import create_item
import pytest


@pytest.mark.asyncio
async def test_create(db_session):
    item = await create_item(db_session, "a")
    assert item.id


@pytest.mark.asyncio
async def test_list(client, db_session):
    await create_item(db_session, "b")
    assert client.get("/items").json() == ["b"]
