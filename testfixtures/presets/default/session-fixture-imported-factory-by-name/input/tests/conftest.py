import pytest

from app.db import Session, engine
from app.models import Base, Element

Base.metadata.create_all(engine)


@pytest.fixture()
def db_session():
    try:
        session = Session()
        yield session
    finally:
        session.close()


@pytest.fixture()
def element(db_session):
    element = Element(name="seeded")
    db_session.add(element)
    db_session.commit()
    db_session.refresh(element)
    yield element
    db_session.delete(element)
    db_session.commit()
