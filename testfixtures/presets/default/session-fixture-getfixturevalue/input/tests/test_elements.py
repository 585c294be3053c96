from app.models import Element


def test_add(db):
    db.add(Element(name="a"))
    db.commit()
    assert db.get(Element, 1) is not None


# The session is got by name at run time: what this test does with it is not followed.
def test_by_name(request):
    session = request.getfixturevalue("db")
    session.add(Element(name="b"))
    session.commit()
