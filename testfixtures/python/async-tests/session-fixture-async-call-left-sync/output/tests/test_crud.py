from app import crud
import pytest


@pytest.mark.asyncio
async def test_create_user(db) -> None:
    user = await crud.create_user(db, "a@example.com")
    assert user.email == "a@example.com"
