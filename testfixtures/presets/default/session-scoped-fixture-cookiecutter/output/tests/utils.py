from typing import Dict

from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


def user_authentication_headers(*, client: TestClient, email: str) -> Dict[str, str]:
    r = client.post("/login", json={"email": email})
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


async def authentication_token_from_email(*, client: TestClient, email: str, db: AsyncSession) -> Dict[str, str]:
    user = await crud.get_user_by_email(db, email=email)
    if not user:
        await crud.create_user(db, email=email)
    return user_authentication_headers(client=client, email=email)
