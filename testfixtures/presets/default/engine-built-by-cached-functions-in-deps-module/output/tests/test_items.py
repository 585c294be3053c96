def test_create_and_read(client):
    created = client.post("/items", params={"name": "apple"})
    assert created.status_code == 200
    item_id = created.json()["id"]
    assert client.get(f"/items/{item_id}").json() == {"name": "apple"}
    assert client.get("/items").json() == {"count": 1}
