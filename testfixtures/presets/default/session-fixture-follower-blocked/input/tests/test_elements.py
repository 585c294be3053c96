from app.models import Element


def test_element(element):
    assert element.name == "second"


def test_seeded(seeded, db):
    assert db.get(Element, seeded.id).name == "seeded"


def test_in_transaction(db):
    # `with db.begin()` needs `async with` on an AsyncSession: this test keeps the fixture sync,
    # and so every other user of `db` keeps its sync calls.
    with db.begin():
        db.add(Element(name="x"))
    assert db.get(Element, 1) is not None
