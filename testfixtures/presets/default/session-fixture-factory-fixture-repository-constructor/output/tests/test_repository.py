from sqlalchemy.orm import Session

from app import repository
from app.models import Batch
import pytest


# The repository keeps the sync Session and its methods await it now: flagged at the constructor.
@pytest.mark.asyncio
async def test_get_by_ref(session: Session):
    repo = repository.SqlAlchemyRepository(session)
    await repo.add(Batch(reference="ref"))
    assert await repo.get("ref") is not None


@pytest.mark.asyncio
async def test_get_unannotated(session):
    repo = repository.SqlAlchemyRepository(session)
    assert await repo.get("nope") is None
