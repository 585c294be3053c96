import pytest_asyncio

from app.db import AsyncSessionLocal, engine
from app.models import Base, Element

Base.metadata.create_all(engine)


@pytest_asyncio.fixture
async def db():
    async with AsyncSessionLocal() as session:
        yield session


@pytest_asyncio.fixture
async def seeded(db):
    element = Element(name="seeded")
    db.add(element)
    await db.commit()
    await db.refresh(element)
    yield element
    await db.delete(element)
    await db.commit()


@pytest_asyncio.fixture
async def element(db):
    db.add(Element(name="first"))
    await db.commit()
    return await Element.create(db=db, name="second")
