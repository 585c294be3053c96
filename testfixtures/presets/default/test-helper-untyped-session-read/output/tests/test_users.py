from app import crud
import pytest


async def seed(db):
    user = await crud.create_user(db, "alice")
    await crud.add_item(db, user, "first")
    user.items = []
    await db.commit()
    return user


@pytest.mark.asyncio
async def test_seed(db):
    user = await seed(db)
    assert user.name == "alice"
