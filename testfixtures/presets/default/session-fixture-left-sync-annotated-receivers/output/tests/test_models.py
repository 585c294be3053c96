from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import select


# The annotation makes the session transforms write async code for `db_session`, but the fixture
# hands out a sync Session: the test gets its sync code back.
def test_create_user(db_session: Session):
    user = User(name="a")
    db_session.add(user)
    db_session.commit()
    assert db_session.scalar(select(User).filter_by(name="a").limit(1)) is not None


# Unannotated: the fixture is in no shape awaitify converts, so nothing takes `db_session` for a
# session here, and the test is left as it was.
def test_count_users(db_session):
    db_session.add(User(name="b"))
    db_session.commit()
    assert db_session.query(User).count() >= 1
