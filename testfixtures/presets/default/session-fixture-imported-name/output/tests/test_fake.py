# The imported fixture hides the conftest's session fixture `db` from this module's tests.
from tests.fakes import db  # noqa: F401


def test_fake_commit(db):
    db.commit()
    assert db.committed
