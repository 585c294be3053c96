import pytest
from sqlalchemy import create_engine, select

from app.models import User


@pytest.fixture
def engine():
    _engine = create_engine("sqlite:///./other.db")
    yield _engine
    _engine.dispose()


def test_user_on_other_database(session):
    session.add(User(username="carol"))
    session.commit()
    assert session.scalar(select(User).where(User.username == "carol")) is not None
