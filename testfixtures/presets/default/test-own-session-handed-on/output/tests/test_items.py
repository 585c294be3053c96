from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from api import crud
from api.database import Base
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool
import pytest

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


# The session goes to a coroutine function now: it comes from the async factory.
@pytest.mark.asyncio
async def test_create_item():
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    db = AsyncTestingSessionLocal()
    item = await crud.create_item(db, "a")
    assert item.id is not None


class TestItems:
    def setup_method(self):
        Base.metadata.create_all(bind=engine)
        self.db = TestingSessionLocal()

    # A session stored on the test object: not switched, flagged where it is handed on.
    @pytest.mark.asyncio
    async def test_create(self):
        item = await crud.create_item(self.db, "b")
        assert item.id is not None
