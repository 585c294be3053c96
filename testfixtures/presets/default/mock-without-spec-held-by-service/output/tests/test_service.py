from unittest.mock import AsyncMock, MagicMock

from app.repo import TagRepository
from app.service import TagService
import pytest


@pytest.mark.asyncio
async def test_shouting():
    repo = MagicMock()
    repo.labels.return_value = ["a"]
    assert await TagService(repo=repo).shouting() == ["A"]


@pytest.mark.asyncio
async def test_shouting_spec():
    repo = MagicMock(spec=TagRepository)
    repo.labels.return_value = ["b"]
    assert await TagService(repo).shouting() == ["B"]


@pytest.mark.asyncio
async def test_shouting_replaced_by_async_mock():
    repo = MagicMock()
    repo.labels = AsyncMock(return_value=["c"])
    assert await TagService(repo).shouting() == ["C"]
