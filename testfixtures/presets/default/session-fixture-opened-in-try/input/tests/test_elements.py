from app.models import Element


def test_element(element):
    assert element.name == "first"


def test_create(db):
    assert Element.create(db=db, name="second").name == "second"
