import pytest


class FakeQuery:
    def count(self):
        return 0


class FakeDb:
    def query(self, model):
        return FakeQuery()

    def commit(self):
        pass


# This module's own `db` hides the conftest's session fixture: its tests get a FakeDb.
@pytest.fixture
def db():
    return FakeDb()


def test_fake_count(db):
    db.commit()
    assert db.query(object).count() == 0
