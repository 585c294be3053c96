from app.models import Element


def test_add(db):
    db.add(Element(name="a"))
    db.commit()
    assert db.query(Element).filter(Element.name == "a").first() is not None
