from app.models import User
from app.repository import UserRepository
from sqlalchemy import func, select
import pytest


@pytest.mark.asyncio
async def test_seeded_user(db):
    assert await db.scalar(select(func.count()).select_from(User)) == 1
    assert await UserRepository().find_by_username(db, "seed") is not None
