from sqlalchemy.orm import Session
from app import models


def make_user(session, name="a"):
    user = models.User(name=name)
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def make_typed(session: Session, name="a"):
    user = models.User(name=name)
    session.add(user)
    session.commit()
    return user


def test_make_user(db_session):
    user = make_user(db_session)
    assert user.id is not None


def test_make_typed(db_session):
    user = make_typed(db_session)
    assert user.id is not None
