from app.models import Element


def test_element(element):
    assert element.name == "second"


def test_seeded(seeded, db):
    assert db.get(Element, seeded.id).name == "seeded"


def test_in_batches(db):
    # `yield_per` is not converted (QUERY-YIELD-PER): this test keeps the fixture sync,
    # and so every other user of `db` keeps its sync calls.
    db.add(Element(name="x"))
    assert len(list(db.query(Element).yield_per(10))) >= 1
