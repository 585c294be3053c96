from unittest.mock import MagicMock, patch

from fastapi.testclient import TestClient

from app.main import app
from app.report import count_reports

client = TestClient(app)


def test_count_reports():
    session = MagicMock()
    session.execute.return_value.scalar.return_value = 3
    with patch("app.report.get_db", return_value=iter([session])):
        assert count_reports() == 3


def test_db_module_patch():
    with patch("app.db.get_db", autospec=True):
        assert client.post("/touch").status_code == 200


def test_other_name(monkeypatch):
    monkeypatch.setattr("app.service.audit_name", lambda: "x")
    with patch("app.service.get_db_url", create=True), patch("requests.get_db"):
        assert client.post("/touch").status_code == 200
