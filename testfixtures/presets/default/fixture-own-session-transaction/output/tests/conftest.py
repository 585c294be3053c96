import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.models import Element


@pytest.fixture
def db():
    session = SessionLocal()
    yield session
    session.close()


@pytest.fixture
def element(db: AsyncSession):
    # `with db.begin()` needs `async with`, which insert-await would not write for this fixture alone:
    # none of its session calls is awaited, and each stays flagged.
    with db.begin():
        db.add(Element(name="first"))
    db.flush()
    return Element.create(db=db, name="second")


@pytest.fixture
def plain(db: Session):
    # Calls nothing made async: it stays a sync fixture, its call flagged as before.
    db.add(Element(name="plain"))
    db.commit()
    return db
