import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.database import Base, get_async_db
from app.main import app
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker, AsyncSession
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", connect_args={"check_same_thread": False}, poolclass=NullPool)
TestingSessionLocal = sessionmaker(autoflush=False, bind=engine)
AsyncTestingSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)


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


@pytest_asyncio.fixture
async def block_db():
    async with async_engine.connect() as connection:
        async with connection.begin() as transaction:
            async with AsyncSession(bind=connection, expire_on_commit=False) as session:
                yield session
            await transaction.rollback()


# No rollback: leaving `with connection.begin():` commits what the test wrote, and so does its async form.
@pytest_asyncio.fixture
async def committing_db():
    async with async_engine.connect() as connection:
        async with connection.begin():
            async with AsyncTestingSessionLocal(bind=connection) as session:
                yield session


@pytest.fixture
def savepoint_db():
    with engine.connect() as connection:
        transaction = connection.begin()
        session = TestingSessionLocal(bind=connection)
        session.begin_nested()
        yield session
        session.close()
        transaction.rollback()


@pytest.fixture
def client(db):
    async def override_get_db():
        yield db

    app.dependency_overrides[get_async_db] = override_get_db
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()
