from unittest.mock import AsyncMock, MagicMock

from app.service import UserService
import pytest


def test_exists_with_sync_mock():
    service = UserService()
    service.repository.find_by_username = MagicMock(return_value=None)
    assert service.exists(MagicMock(), "rene") is False


def test_exists_with_lambda():
    service = UserService()
    service.repository.find_by_username = lambda db, name: object()
    assert service.exists(MagicMock(), "rene") is True


@pytest.mark.asyncio
async def test_exists_with_async_mock():
    service = UserService()
    service.repository.find_by_username = AsyncMock(return_value=None)
    assert await service.exists(MagicMock(), "rene") is False
