import pytest


def test_read_users(client, user):
    r = client.get("/users")
    assert r.status_code == 200
    assert r.json()[0]["id"] == user.id


@pytest.mark.asyncio
async def test_already_async(db):
    from app import crud

    assert await crud.list_users(db) == []
