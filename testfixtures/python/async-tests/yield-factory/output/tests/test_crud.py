from sqlalchemy.orm import Session

from app import crud
import pytest


@pytest.mark.asyncio
async def test_create_user(db: Session) -> None:
    user = await crud.create_user(db, "a@example.com")
    assert user.email == "a@example.com"


@pytest.mark.asyncio(loop_scope="session")
async def test_create_user_shared(shared_db: Session) -> None:
    user = await crud.create_user(shared_db, "b@example.com")
    assert user.email == "b@example.com"
