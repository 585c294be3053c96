import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

import app.models  # noqa: F401 (registers the tables)
from app.db import Base
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

# In memory: the fixture stays sync (TESTS-MEMORY-DATABASE), and so does the Session it hands out.
engine = create_engine("sqlite:///:memory:")
async_engine = create_async_engine("sqlite+aiosqlite:///:memory:")
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


@pytest.fixture
def session():
    Base.metadata.create_all(bind=engine)
    db = TestingSessionLocal()
    yield db
    db.close()
    Base.metadata.drop_all(bind=engine)
