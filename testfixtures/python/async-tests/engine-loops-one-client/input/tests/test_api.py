def test_ping(client):
    assert client.get("/ping").json() == {"ok": True}
