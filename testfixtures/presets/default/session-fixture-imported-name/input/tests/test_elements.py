from app.models import Element


def test_add(db):
    db.add(Element(name="a"))
    db.commit()
    assert db.get(Element, 1) is not None
