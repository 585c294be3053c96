from app.models import Element


def test_listed(db_session, element):
    names = [e.name for e in db_session.query(Element).all()]
    assert "seeded" in names


def test_found(db_session, element):
    assert db_session.query(Element).filter(Element.id == element.id).first() is not None
