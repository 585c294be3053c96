from app import crud
from app.crud import get_user as fetch
import pytest


@pytest.mark.asyncio
async def test_create_and_get(db):
    user = await crud.create_user(db, "a@example.com")
    assert (await fetch(db, user.id)).email == "a@example.com"
    assert crud.normalise(" A@x.com ") == "a@x.com"


class TestListing:
    @pytest.mark.asyncio
    async def test_lists_in_order(self, db, user):
        users = [await crud.create_user(db, f"u{i}@example.com") for i in range(2)]
        assert [u.id for u in await crud.list_users(db)] == [user.id] + [u.id for u in users]
        assert all(u.id for u in await crud.list_users(db))


def test_sorted_by_lookup(db, user):
    ids = sorted([user.id], key=lambda i: crud.get_user(db, i).email)
    assert ids == [user.id]
