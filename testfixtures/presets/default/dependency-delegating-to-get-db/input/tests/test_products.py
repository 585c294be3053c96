def test_create_then_read(client):
    created = client.post("/products", params={"title": "lamp"}).json()
    assert client.get(f"/products/{created['id']}").json() == {"id": created["id"], "title": "lamp"}
    assert client.get("/products").json() == ["lamp"]


def test_missing(client):
    assert client.get("/products/99").status_code == 404
