from app.jobs import purge_items


def test_create(client):
    r = client.post("/items", params={"name": "a"})
    assert r.status_code == 200


def test_purge(client):
    client.post("/items", params={"name": "b"})
    assert purge_items() >= 1
