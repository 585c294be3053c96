from app import crud
from tests.factories import UserFactory
import pytest


@pytest.mark.asyncio
async def test_get_user(db):
    user = UserFactory.create()
    assert (await crud.get_user(db, user.id)).name == user.name


@pytest.mark.asyncio
async def test_list_users(db, admin_factory):
    UserFactory.create_batch(2)
    admin_factory.create()
    assert len(await crud.list_users(db)) == 3
