import pytest

from app.models import Element


class Recorder:
    def query(self, model):
        return [model]


# `db` is a parameter of the test's parametrization here, not the session fixture.
@pytest.mark.parametrize("db", [Recorder()])
def test_recorder(db):
    assert db.query(Element) == [Element]
