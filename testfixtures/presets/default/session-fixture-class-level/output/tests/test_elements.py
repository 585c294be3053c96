import pytest
import pytest_asyncio

from app.db import AsyncSessionLocal
from app.models import Element


# These get the conftest's `db`: the class's fixture below is its methods' only.
@pytest.mark.asyncio
async def test_commit(db):
    db.add(Element(name="outside"))
    await db.commit()


class TestOwnSession:
    @pytest_asyncio.fixture
    async def db(self):
        async with AsyncSessionLocal() as session:
            yield session

    @pytest.mark.asyncio
    async def test_commit(self, db):
        db.add(Element(name="inside"))
        await db.commit()
        assert await db.get(Element, 1) is not None
