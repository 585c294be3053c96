from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db import get_async_database
from app.main import app
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("postgresql://app@localhost/notes_test")
async_engine = create_async_engine("postgresql+asyncpg://app@localhost/notes_test", poolclass=NullPool)
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)


async def override_get_database():
    db = AsyncTestingSessionLocal()
    try:
        yield db
    finally:
        await db.close()


app.dependency_overrides[get_async_database] = override_get_database
client = TestClient(app)


def test_list_notes():
    response = client.get("/notes")
    assert response.status_code == 200
