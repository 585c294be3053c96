from app.crud import get_user_by_email
import pytest


@pytest.mark.asyncio
async def test_get_user_by_email(session):
    assert await get_user_by_email(session, email="nobody@example.com") is None


@pytest.mark.asyncio
async def test_get_user_by_email_first(first_session):
    assert await get_user_by_email(first_session, email="nobody@example.com") is None
