from dataclasses import asdict

from sqlalchemy import select

from app.models import Todo, User
import pytest
from sqlalchemy.orm import selectinload


@pytest.mark.asyncio
async def test_create_user(session):
    session.add(User(username="ciri"))
    await session.commit()

    user = await session.scalar(select(User).options(selectinload(User.todos)).where(User.username == "ciri"))

    assert asdict(user) == {"id": 1, "username": "ciri", "todos": []}


@pytest.mark.asyncio
async def test_export(client, session):
    user = User(username="geralt")
    session.add(user)
    await session.commit()
    session.add(Todo(title="contract", user_id=user.id))
    await session.commit()

    response = client.get(f"/users/{user.id}/export")

    assert response.json()["todos"][0]["title"] == "contract"
