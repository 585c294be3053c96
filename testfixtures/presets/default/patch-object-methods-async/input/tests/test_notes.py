from unittest.mock import Mock, patch

from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


# A MagicMock in place of the repository: its `get` returns the Mock, not an awaitable.
@patch("app.main.note_repository")
def test_read_note(repo):
    repo.get.return_value = Mock(id=1, title="a")
    assert client.get("/notes/1").json() == {"id": 1, "title": "a"}


# autospec: the async `get` is mocked by an AsyncMock.
@patch("app.main.note_repository", autospec=True)
def test_missing_note(repo):
    repo.get.return_value = None
    assert client.get("/notes/2").status_code == 404
