from app.crud import get_user_by_email


def test_get_user_by_email(session):
    assert get_user_by_email(session, email="nobody@example.com") is None


def test_get_user_by_email_first(first_session):
    assert get_user_by_email(first_session, email="nobody@example.com") is None
