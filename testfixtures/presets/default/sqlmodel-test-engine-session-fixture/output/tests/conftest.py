import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel, create_engine, select

from app.db import get_async_db
from app.main import app
from app.models import Plant
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool
from sqlmodel.ext.asyncio.session import AsyncSession

# The tests' own database: a fixture and the override hand out `Session(engine)`, so it needs an async twin.
engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", connect_args={"check_same_thread": False}, poolclass=NullPool)
# Only read through a sync helper that stays sync: no twin.
report_engine = create_engine("sqlite:///./report.db")


@pytest.fixture(autouse=True)
def tables():
    SQLModel.metadata.create_all(engine)
    yield
    SQLModel.metadata.drop_all(engine)


@pytest_asyncio.fixture
async def session():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session


async def override_get_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def client():
    app.dependency_overrides[get_async_db] = override_get_db
    yield TestClient(app)
    app.dependency_overrides.clear()


def report_names():
    with Session(report_engine) as report:
        return [p.name for p in report.exec(select(Plant)).all()]
