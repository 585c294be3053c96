from app.models import Element


def test_element(element):
    assert element.name == "second"


def test_seeded(seeded, db):
    assert db.get(Element, seeded.id).name == "seeded"


def test_commit_then_create(db):
    db.add(Element(name="x"))
    db.commit()
    assert Element.create(db=db, name="y").name == "y"


def test_plain(seeded):
    assert seeded.name == "seeded"
