from unittest import mock
from unittest.mock import MagicMock, patch

import pytest
from fastapi.testclient import TestClient

from app.db import get_db
from app.main import app

client = TestClient(app)


@pytest.fixture
def fake_db():
    with patch("app.service.get_db", autospec=True):
        session = MagicMock()
        app.dependency_overrides[get_db] = lambda: session
        yield session
    app.dependency_overrides.clear()


@patch("app.service.get_db")
def test_touch_decorated(get_db_mock, fake_db):
    assert client.post("/touch").status_code == 200


def test_touch_mocker(mocker, fake_db):
    mocker.patch("app.service.get_db", return_value=iter([fake_db]))
    assert client.post("/touch").status_code == 200


def test_touch_monkeypatch(monkeypatch, fake_db):
    monkeypatch.setattr("app.service.get_db", lambda: iter([fake_db]))
    assert client.post("/touch").status_code == 200


def test_touch_created(fake_db):
    with mock.patch("app.service.get_db", create=True):
        assert client.post("/touch").status_code == 200


def test_touch_multiple(fake_db):
    with patch.multiple("app.service", get_db=MagicMock()):
        assert client.post("/touch").status_code == 200
