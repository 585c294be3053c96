from app.models import Element


def test_seeded(db):
    assert db.get(Element, 1) is not None
