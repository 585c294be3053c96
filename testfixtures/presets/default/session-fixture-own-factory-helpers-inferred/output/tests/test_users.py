from sqlalchemy.ext.asyncio import AsyncSession
from app import models
import pytest


async def make_user(session, name="a"):
    user = models.User(name=name)
    session.add(user)
    await session.commit()
    await session.refresh(user)
    return user


async def make_typed(session: AsyncSession, name="a"):
    user = models.User(name=name)
    session.add(user)
    await session.commit()
    return user


@pytest.mark.asyncio
async def test_make_user(db_session):
    user = await make_user(db_session)
    assert user.id is not None


@pytest.mark.asyncio
async def test_make_typed(db_session):
    user = await make_typed(db_session)
    assert user.id is not None
