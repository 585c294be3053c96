from app.models import Element


def count(session):
    return session.query(Element).count()


# The unannotated helper keeps the conftest's session fixture `db` sync.
def test_count(db):
    assert count(db) >= 0
