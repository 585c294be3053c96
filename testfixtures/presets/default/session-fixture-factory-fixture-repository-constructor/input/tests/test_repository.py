from sqlalchemy.orm import Session

from app import repository
from app.models import Batch


# The repository keeps the sync Session and its methods await it now: flagged at the constructor.
def test_get_by_ref(session: Session):
    repo = repository.SqlAlchemyRepository(session)
    repo.add(Batch(reference="ref"))
    assert repo.get("ref") is not None


def test_get_unannotated(session):
    repo = repository.SqlAlchemyRepository(session)
    assert repo.get("nope") is None
