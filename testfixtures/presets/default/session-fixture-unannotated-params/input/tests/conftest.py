import pytest

from app.db import SessionLocal, engine
from app.models import Base, Element

Base.metadata.create_all(engine)


@pytest.fixture
def db():
    session = SessionLocal()
    yield session
    session.rollback()
    session.close()


@pytest.fixture
def seeded(db):
    element = Element(name="seeded")
    db.add(element)
    db.commit()
    db.refresh(element)
    yield element
    db.delete(element)
    db.commit()


@pytest.fixture
def element(db):
    db.add(Element(name="first"))
    db.commit()
    return Element.create(db=db, name="second")
