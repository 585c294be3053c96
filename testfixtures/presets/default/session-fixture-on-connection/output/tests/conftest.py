import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.database import Base, get_async_db
from app.main import app
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", poolclass=NullPool)
TestingSessionLocal = sessionmaker(bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


@pytest.fixture(scope="session", autouse=True)
def schema():
    Base.metadata.create_all(bind=engine)
    yield
    Base.metadata.drop_all(bind=engine)


@pytest_asyncio.fixture
async def db():
    async with async_engine.connect() as connection:
        transaction = await connection.begin()
        async with AsyncTestingSessionLocal(bind=connection) as session:
            yield session
        await transaction.rollback()


@pytest.fixture
def client(db):
    async def override_get_db():
        yield db

    app.dependency_overrides[get_async_db] = override_get_db
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()


@pytest.fixture
def savepoint_db():
    # Extra work between opening and handing out (a SAVEPOINT): not the plain shape, left sync and reported.
    connection = engine.connect()
    transaction = connection.begin()
    session = TestingSessionLocal(bind=connection)
    session.begin_nested()
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest_asyncio.fixture
async def commented_db():
    # A comment among the statements the async form replaces is kept, on a line of its own before the new block.
    async with async_engine.connect() as connection:
        transaction = await connection.begin()
        async with AsyncTestingSessionLocal(bind=connection) as session:
            yield session  # handed to the test
        await transaction.rollback()
