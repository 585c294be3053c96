import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.models import Base


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path}/tags.db")
    Base.metadata.create_all(engine)
    return engine


@pytest.fixture
def tags_sessionmaker(engine):
    return sessionmaker(bind=engine)


@pytest.fixture
def tags_session(tags_sessionmaker):
    session = tags_sessionmaker()
    yield session
    session.close()


def open_session(engine):
    return Session(engine)


@pytest.fixture
def db(engine):
    session = open_session(engine)
    yield session
    session.close()
