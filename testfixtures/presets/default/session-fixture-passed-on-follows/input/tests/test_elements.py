from app.models import Element


def test_commit(session):
    session.add(Element(name="x"))
    session.commit()
    assert Element.create(db=session, name="y").name == "y"


def test_other_name(session):
    # `session` is the `db` fixture's value, handed on unchanged by the `session` fixture.
    assert session is not None
