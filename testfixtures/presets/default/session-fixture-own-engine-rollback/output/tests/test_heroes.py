from fastapi.testclient import TestClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Hero
import pytest


def test_create_hero(client: TestClient):
    response = client.post("/heroes/", json={"name": "Deadpond"})
    assert response.status_code == 200
    assert response.json()["name"] == "Deadpond"


@pytest.mark.asyncio
async def test_read_heroes(session: AsyncSession, client: TestClient):
    session.add(Hero(name="Rusty-Man"))
    await session.commit()
    response = client.get("/heroes/")
    assert [h["name"] for h in response.json()] == ["Rusty-Man"]
