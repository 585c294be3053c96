from unittest.mock import AsyncMock, MagicMock

from app.repo import TagRepository
from app.service import TagService


def test_shouting():
    repo = MagicMock()
    repo.labels.return_value = ["a"]
    assert TagService(repo=repo).shouting() == ["A"]


def test_shouting_spec():
    repo = MagicMock(spec=TagRepository)
    repo.labels.return_value = ["b"]
    assert TagService(repo).shouting() == ["B"]


def test_shouting_replaced_by_async_mock():
    repo = MagicMock()
    repo.labels = AsyncMock(return_value=["c"])
    assert TagService(repo).shouting() == ["C"]
