from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.main import app
from app.models import Base, Item
from app.workers import get_db
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool
import pytest

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", connect_args={"check_same_thread": False}, poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


# The routes on this get_db stay sync: so does the override.
def override_get_db():
    db = TestingSessionLocal()
    try:
        yield db
    finally:
        db.close()


app.dependency_overrides[get_db] = override_get_db
client = TestClient(app)


@pytest.mark.asyncio
async def test_delete_item():
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    db = AsyncTestingSessionLocal()
    db.add(Item(id=7, name="x"))
    await db.commit()
    await db.close()
    assert client.delete("/items/7").json() == {"deleted": True}
