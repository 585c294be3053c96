from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.database import Base, get_db
from app.main import app
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", connect_args={"check_same_thread": False}, poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)
Base.metadata.create_all(bind=engine)


# Stands in for a get_db with no twin: its key stays, and it keeps yielding a sync Session.
def override_get_db():
    db = TestingSessionLocal()
    try:
        yield db
    finally:
        db.close()


app.dependency_overrides[get_db] = override_get_db
client = TestClient(app)


def test_items():
    created = client.post("/items", params={"name": "a"}).json()
    assert client.get(f"/items/{created['id']}").json()["name"] == "a"
    assert client.put(f"/items/{created['id']}", params={"name": "b"}).json()["name"] == "b"
    assert client.get("/reports/count").json() == {"count": 1}
