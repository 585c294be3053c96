from unittest.mock import MagicMock

from sqlmodel import Session

mock_session = MagicMock(Session)


def test_mock_has_spec():
    assert isinstance(mock_session, Session)
