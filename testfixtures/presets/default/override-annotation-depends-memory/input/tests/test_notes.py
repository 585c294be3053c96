def test_list(client):
    assert client.get("/notes").json() == []


def test_count(client):
    assert client.get("/notes/count").json() == 0
