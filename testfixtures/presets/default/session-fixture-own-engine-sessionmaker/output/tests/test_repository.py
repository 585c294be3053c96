from app.models import User
from app.repository import UserRepository
import pytest


@pytest.mark.asyncio
async def test_save_user(db):
    repo = UserRepository()
    saved = await repo.save(db, User(username="rene"))
    assert saved.id is not None


@pytest.mark.asyncio
async def test_find_by_username(db):
    repo = UserRepository()
    await repo.save(db, User(username="ana"))
    assert (await repo.find_by_username(db, "ana")).username == "ana"
