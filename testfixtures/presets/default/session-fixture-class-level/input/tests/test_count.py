from app.models import Element


def count(session):
    return session.query(Element).count()


# The unannotated helper is handed the conftest's session fixture `db` only: it follows it.
def test_count(db):
    assert count(db) >= 0
