import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Batch
from app.repository import SqlAlchemyRepository


# The fixture hands out an AsyncSession now: the test awaits the repository's methods, unflagged.
@pytest.mark.asyncio
async def test_get_by_ref(session: AsyncSession):
    repo = SqlAlchemyRepository(session)
    await repo.add(Batch(reference="ref"))
    assert await repo.get("ref") is not None


@pytest.fixture
def repo(session: AsyncSession):
    return SqlAlchemyRepository(session)


@pytest.mark.asyncio
async def test_through_fixture(repo):
    assert await repo.get("nope") is None
