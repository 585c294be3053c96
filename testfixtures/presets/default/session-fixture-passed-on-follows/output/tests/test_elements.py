from app.models import Element
import pytest


@pytest.mark.asyncio
async def test_commit(session):
    session.add(Element(name="x"))
    await session.commit()
    assert (await Element.create(db=session, name="y")).name == "y"


def test_other_name(session):
    # `session` is the `db` fixture's value, handed on unchanged by the `session` fixture.
    assert session is not None
