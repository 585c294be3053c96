from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
import pytest


@pytest.mark.asyncio(loop_scope="session")
async def test_create_user(db: AsyncSession) -> None:
    user = await crud.create_user(db, email="crud@example.com")
    assert user.email == "crud@example.com"


@pytest.mark.asyncio(loop_scope="session")
async def test_get_user(db: AsyncSession) -> None:
    user = await crud.create_user(db, email="get@example.com")
    user_2 = await crud.get_user(db, id=user.id)
    assert user_2
    assert user_2.email == user.email
