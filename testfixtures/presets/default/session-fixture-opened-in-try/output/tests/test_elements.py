from app.models import Element
import pytest


def test_element(element):
    assert element.name == "first"


@pytest.mark.asyncio
async def test_create(db):
    assert (await Element.create(db=db, name="second")).name == "second"
