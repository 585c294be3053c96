import pytest
from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.models import Element


@pytest.fixture
def db():
    session = SessionLocal()
    yield session
    session.close()


@pytest.fixture
def element(db: Session):
    db.add(Element(name="first"))
    db.commit()
    return Element.create(db=db, name="second")
