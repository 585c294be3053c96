import pytest

from app.models import Element


def test_add(db):
    db.add(Element(name="a"))
    db.commit()
    assert db.get(Element, 1) is not None


# `indirect=True` hands the values to the fixture `db`: the test still receives the session.
@pytest.mark.parametrize("db", ["first", "second"], indirect=True)
def test_count(db):
    assert db.query(Element).count() >= 0
