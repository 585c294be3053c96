import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal
from app.models import Element


@pytest_asyncio.fixture
async def db():
    async with AsyncSessionLocal() as session:
        yield session


@pytest_asyncio.fixture
async def element(db: AsyncSession):
    db.add(Element(name="first"))
    await db.commit()
    return await Element.create(db=db, name="second")
