from app.models import Element
from tests.helpers import count, names


def test_count(db):
    db.add(Element(name="a"))
    db.commit()
    assert count(db) >= 1


def test_names(db):
    assert isinstance(names(db), list)
