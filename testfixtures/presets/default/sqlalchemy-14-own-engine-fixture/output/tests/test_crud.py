from app import crud, models
import pytest


@pytest.mark.asyncio
async def test_create_item(db):
    user = models.User(email="a@example.com")
    db.add(user)
    await db.commit()
    item = await crud.create_item(db, "first", user.id)
    assert item.owner_id == user.id
    assert (await crud.get_user(db, user.id)).email == "a@example.com"
