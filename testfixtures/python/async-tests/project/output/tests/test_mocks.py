from unittest.mock import MagicMock

from sqlalchemy.orm import Session

from app.services import find_user


def test_find_user_with_mock():
    mock_db = MagicMock(spec=Session)
    mock_db.query.return_value.filter.return_value.first.return_value = "x"
    assert find_user(mock_db, 1) == "x"
