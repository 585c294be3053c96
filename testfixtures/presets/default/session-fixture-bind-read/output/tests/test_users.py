from fastapi.testclient import TestClient
from sqlmodel import select

from app.models import User
from sqlmodel.ext.asyncio.session import AsyncSession
import pytest


class TestUsers:
    async def make_user(self, client: TestClient, session: AsyncSession) -> int:
        client.post("/users", json={"email": "a@example.com"})
        user = (await session.exec(select(User).where(User.email == "a@example.com"))).first()
        return user.id

    # `client.get()` is an HTTP call on the TestClient, not a sync session call: nothing to report here.
    @pytest.mark.asyncio
    async def test_read_user(self, client: TestClient, session: AsyncSession):
        user_id = await self.make_user(client, session)
        response = client.get(f"/users/{user_id}")
        assert response.status_code == 200
