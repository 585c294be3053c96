from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Role, User
from app.routes import create_user
import pytest


def test_admin_is_admin(admin: User) -> None:
    assert admin.is_admin


@pytest.mark.asyncio
async def test_create_user(session: AsyncSession) -> None:
    body = await create_user("ann", session)
    assert body["admin"] is False
    assert (await session.get(User, body["id"])).role == Role.USER
