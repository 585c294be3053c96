from unittest import mock

from app import jobs, report


def test_nightly_with_fake_factory():
    # After the migration app.jobs imports AsyncSessionLocal instead: this patch raises AttributeError.
    with mock.patch("app.jobs.SessionLocal") as factory:
        factory.return_value.__enter__.return_value.get.return_value = "item"
        jobs.nightly()


def test_nightly_monkeypatched(monkeypatch):
    monkeypatch.setattr("app.jobs.SessionLocal", lambda: None, raising=False)


def test_report_still_patchable():
    with mock.patch("app.report.SessionLocal") as factory:
        assert report.count_open() is factory.return_value
