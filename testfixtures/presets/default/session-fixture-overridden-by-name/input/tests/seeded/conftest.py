import pytest

from app.models import Element


# Overrides `db` for the tests below, requesting the one it overrides: the same session, with a row in it.
@pytest.fixture
def db(db):
    db.add(Element(name="seeded"))
    db.commit()
    return db
