from typing import Dict

from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
import pytest


def test_read_me(client: TestClient, normal_user_token_headers: Dict[str, str]) -> None:
    r = client.get("/users/me", headers=normal_user_token_headers)
    assert r.status_code == 200
    assert r.json()["email"] == "user@example.com"


@pytest.mark.asyncio(loop_scope="session")
async def test_create_user_api(client: TestClient, db: AsyncSession) -> None:
    r = client.post("/users/", json={"email": "api@example.com"})
    assert r.status_code == 200
    user = await crud.get_user_by_email(db, email="api@example.com")
    assert user
    assert user.id == r.json()["id"]
