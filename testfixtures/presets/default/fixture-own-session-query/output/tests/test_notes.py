def test_add(client, notes_before):
    assert client.post("/notes", params={"text": "a"}).json() == {"ok": True}
    assert notes_before == 0


def test_first(client, first_note_id):
    assert first_note_id == 1
