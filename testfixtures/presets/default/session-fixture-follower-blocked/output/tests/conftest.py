import pytest
import pytest_asyncio

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


@pytest_asyncio.fixture
async def element(db):
    db.add(Element(name="first"))
    await db.commit()
    return await Element.create(db=db, name="second")
