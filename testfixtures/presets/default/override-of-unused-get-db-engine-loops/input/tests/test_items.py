def test_create(client):
    assert client.post("/items", params={"name": "a"}).status_code == 200


def test_create_again(client):
    assert client.post("/items", params={"name": "b"}).status_code == 200
