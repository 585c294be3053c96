from app.models import Element


def test_count(session):
    # `session` is the `db` fixture's value, handed on unchanged by the `session` fixture: this
    # query keeps `db` sync (an AsyncSession has no query()).
    session.add(Element(name="x"))
    session.commit()
    assert session.query(Element).count() == 1
