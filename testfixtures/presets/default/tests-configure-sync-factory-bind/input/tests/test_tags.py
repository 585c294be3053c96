def test_add_tag(client):
    assert client.post("/tags/red").status_code == 200


def test_add_same_tag_again(client):
    assert client.post("/tags/red").status_code == 200
