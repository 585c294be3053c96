import pytest

from app.db import SessionLocal
from app.models import Element


# These get the conftest's `db`: the class's fixture below is its methods' only.
def test_commit(db):
    db.add(Element(name="outside"))
    db.commit()


class TestOwnSession:
    @pytest.fixture
    def db(self):
        session = SessionLocal()
        yield session
        session.close()

    def test_commit(self, db):
        db.add(Element(name="inside"))
        db.commit()
        assert db.get(Element, 1) is not None
