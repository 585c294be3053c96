def test_list(client):
    assert client.get("/posts").json() == []


def test_copies(client):
    assert client.get("/posts/1/copies").json() == []
