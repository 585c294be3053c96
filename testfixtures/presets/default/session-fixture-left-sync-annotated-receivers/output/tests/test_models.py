from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from sqlalchemy import select
import pytest


# The annotation makes `db_session` an AsyncSession for the session transforms, but the
# fixture hands out a sync Session: the awaits they write fail (flagged here).
@pytest.mark.asyncio
async def test_create_user(db_session: AsyncSession):
    user = User(name="a")
    db_session.add(user)
    await db_session.commit()
    assert await db_session.scalar(select(User).filter_by(name="a").limit(1)) is not None


# Unannotated: nothing converts it while the fixture stays sync.
def test_count_users(db_session):
    db_session.add(User(name="b"))
    db_session.commit()
    assert db_session.query(User).count() >= 1
