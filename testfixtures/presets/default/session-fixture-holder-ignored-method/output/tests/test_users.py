from app.repositories import UserRepository
import pytest


@pytest.mark.asyncio
async def test_created(db):
    repo = UserRepository(db)
    user = await repo.create("a@example.com")
    assert await repo.get(user.id) is not None
