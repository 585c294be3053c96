import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from app.models import User
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


@pytest.fixture
def admin():
    # Its own sync session: the converted query must not be awaited here.
    db = TestingSessionLocal()
    user = db.scalar(select(User).filter_by(email="admin@test.com").limit(1))
    user.role = "admin"
    db.commit()
    db.close()
    return user
