from app import crud
from app.models import Plant
import pytest


@pytest.mark.asyncio
async def test_water(session):
    fern = Plant(name="fern")
    session.add(fern)
    await session.commit()
    assert [p.name for p in await crud.thirsty(session)] == ["fern"]
    await crud.water(session, fern)
    assert await crud.thirsty(session) == []


@pytest.mark.asyncio
async def test_api(client, session):
    session.add(Plant(name="cactus"))
    await session.commit()
    assert [p["name"] for p in client.get("/thirsty").json()] == ["cactus"]
