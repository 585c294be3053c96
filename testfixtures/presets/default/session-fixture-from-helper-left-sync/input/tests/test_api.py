def test_read_item(client):
    assert client.get("/items/1").json() is None
