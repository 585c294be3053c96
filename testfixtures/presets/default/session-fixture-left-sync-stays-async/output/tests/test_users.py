from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app import crud
from app.models import User
import pytest


# Hands the session to the CRUD function made async: it stays async, and its awaits on the sync
# session stay flagged.
@pytest.mark.asyncio
async def test_create(db_session: AsyncSession):
    user = await crud.create_user(db_session, "b")
    await db_session.refresh(user)
    assert user.id


# Only its own session calls were made async: it gets its sync code back.
def test_seeded(seeded_user: User, db_session: Session):
    db_session.refresh(seeded_user)
    assert seeded_user.name == "seed"


# Only hands the session to the CRUD function made async, which awaits its calls on the sync session: flagged.
@pytest.mark.asyncio
async def test_create_only(db_session):
    user = await crud.create_user(db_session, "c")
    assert user.id
