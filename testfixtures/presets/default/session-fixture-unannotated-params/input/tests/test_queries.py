# Tests take the session fixture `db` without an annotation: its name makes it the session.
from app.models import Element


def test_query_first(db):
    db.add(Element(name="q"))
    db.commit()
    found = db.query(Element).filter(Element.name == "q").first()
    assert found is not None


def test_count(seeded, db):
    assert db.query(Element).count() >= 1


class TestElements:
    def test_all(self, db):
        assert len(db.query(Element).all()) >= 0
