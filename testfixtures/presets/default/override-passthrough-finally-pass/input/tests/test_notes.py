def test_add_note(client):
    assert client.post("/notes", params={"text": "hi"}).status_code == 200
