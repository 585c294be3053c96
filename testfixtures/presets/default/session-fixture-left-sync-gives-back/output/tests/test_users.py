import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.models import User


# The annotation makes the session transforms write async code for `db_session`; the fixture stays
# sync, so the test gets its sync code back.
def test_direct(db_session: Session):
    db_session.execute(text("SELECT 1"))
    db_session.commit()


def test_query(clean: Session, db_session: Session):
    db_session.add(User(name="a"))
    db_session.commit()
    assert db_session.scalar(select(User).filter_by(name="a").limit(1)).name == "a"
    assert db_session.scalar(select(func.count()).select_from(User)) == 1


# Async before the migration: it stays async, without the awaits.
@pytest.mark.asyncio
async def test_already_async(db_session: Session):
    user = User(name="b")
    db_session.add(user)
    db_session.commit()
    db_session.refresh(user)
    assert db_session.get(User, user.id) is user
