from unittest.mock import patch


def test_through_attribute():
    with patch("app.main.service.get_db"):
        pass


def test_star_import_still_binds():
    with patch("app.compat.get_db"), patch("app.db.get_db"):
        pass


def test_outside_project(monkeypatch):
    monkeypatch.setattr("somelib.get_db", object())
    monkeypatch.setattr("app.service.get_db", object(), raising=False)
    monkeypatch.delattr("app.service.get_db")
