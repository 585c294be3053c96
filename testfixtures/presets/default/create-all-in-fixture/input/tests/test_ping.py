from app.main import ping


def test_ping(session):
    assert ping(session) == {"ok": True}
