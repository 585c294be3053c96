import pytest
from sqlalchemy.orm import Session

from app.models import Batch
from app.repository import SqlAlchemyRepository


# The repository keeps the sync Session and its methods await it now: flagged at the constructor, and the
# annotation stays `Session`, which is what the fixture hands it.
def test_get_by_ref(session: Session):
    repo = SqlAlchemyRepository(session)
    repo.add(Batch(reference="ref"))
    assert repo.get("ref") is not None


@pytest.fixture
def repo(session: Session):
    return SqlAlchemyRepository(session)


def test_through_fixture(repo):
    assert repo.get("nope") is None
