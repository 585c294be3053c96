import pytest

from app.models import Element


class EmptySession:
    def query(self, model):
        return self

    def count(self):
        return 0


def count(session):
    return session.query(Element).count()


# The unannotated helper, handed a fake as well as the session, keeps the session fixture `db` sync.
def test_count(db):
    assert count(db) >= count(EmptySession())


class TestStored:
    # The session goes on the test object: the methods below use it as `self.db`.
    @pytest.fixture(autouse=True)
    def keep_session(self, db):
        self.db = db

    def test_commit(self):
        self.db.add(Element(name="stored"))
        self.db.commit()
        assert self.db.get(Element, 1) is not None

    def test_create(self):
        self.db.commit()
        assert Element.create(self.db, "created").name == "created"
