from app.repositories import UserRepository
from tests.builders import UserBuilder
import pytest


@pytest.mark.asyncio
async def test_built(db):
    user = UserBuilder(db).build("a@example.com")
    assert await UserRepository(db).get(user.id) is not None
