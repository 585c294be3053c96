from app.notify import send_email


def test_send():
    # async-tests makes the test async and awaits the call: no finding left behind for it.
    send_email("x")
