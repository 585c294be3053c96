import pytest_asyncio

from app.models import Element


# Overrides `db` for the tests below, requesting the one it overrides: the same session, with a row in it.
@pytest_asyncio.fixture
async def db(db):
    db.add(Element(name="seeded"))
    await db.commit()
    return db
