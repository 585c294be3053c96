from app.models import Element
from tests.conftest import reporting_session
import pytest


@pytest.mark.asyncio
async def test_commit(db):
    db.add(Element(name="x"))
    await db.commit()
    assert (await Element.create(db=db, name="y")).name == "y"


def test_rebound(db):
    # `db` is another session from here on: its commit is not the fixture's, so this test does not
    # follow the fixture, and keeps it sync.
    db = reporting_session()
    db.commit()
