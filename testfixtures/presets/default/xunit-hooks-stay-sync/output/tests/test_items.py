from sqlalchemy import create_engine, select
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


# pytest calls xunit-style hooks synchronously: made async, they would never run.
def setup_module():
    Base.metadata.create_all(bind=engine)
    db = TestingSessionLocal()
    crud.create_item(db, "seed")
    db.close()


class TestItems:
    def setup_method(self):
        self.db = AsyncTestingSessionLocal()

    def teardown_method(self):
        self.db.close()

    @pytest.mark.asyncio
    async def test_listed(self):
        assert len((await self.db.scalars(select(crud.models.Item))).all()) >= 1
