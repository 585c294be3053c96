def test_create_and_count(client):
    assert client.post("/notes", params={"text": "a"}).status_code == 200
    assert client.get("/notes").json()["count"] == 1
