from typing import Generator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.models import Base
from app.repository import ItemRepository


@pytest.fixture
def engine():
    e = create_engine("sqlite:///./test.db")
    Base.metadata.create_all(e)
    return e


@pytest.fixture
def session_maker(engine) -> sessionmaker:
    return sessionmaker(bind=engine)


# Annotated as handing out a Session, made from a maker awaitify does not know (a fixture of its own).
@pytest.fixture
def db_session(session_maker: sessionmaker) -> Generator[Session, None, None]:
    with session_maker.begin() as session:
        yield session


@pytest.fixture
def repo(db_session: Session) -> ItemRepository:
    return ItemRepository(db_session)
