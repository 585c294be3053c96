import pytest
import pytest_asyncio

from app import crud
from app.database import AsyncSessionLocal


@pytest_asyncio.fixture
async def db():
    async with AsyncSessionLocal() as session:
        yield session


@pytest.fixture
def user(db):
    return crud.create_user(db, "a@example.com")


def test_get(db, user):
    assert crud.get_user(db, user.id) is user
