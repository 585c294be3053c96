import pytest_asyncio

from app.db import AsyncSessionLocal, engine
from app.models import Base, Element

Base.metadata.create_all(engine)


@pytest_asyncio.fixture()
async def db_session():
    async with AsyncSessionLocal() as session:
        yield session


@pytest_asyncio.fixture()
async def element(db_session):
    element = Element(name="seeded")
    db_session.add(element)
    await db_session.commit()
    await db_session.refresh(element)
    yield element
    await db_session.delete(element)
    await db_session.commit()
