from app.models import Element
import pytest


def test_element(element):
    assert element.name == "second"


@pytest.mark.asyncio
async def test_seeded(seeded, db):
    assert (await db.get(Element, seeded.id)).name == "seeded"


@pytest.mark.asyncio
async def test_commit_then_create(db):
    db.add(Element(name="x"))
    await db.commit()
    assert (await Element.create(db=db, name="y")).name == "y"


def test_plain(seeded):
    assert seeded.name == "seeded"
