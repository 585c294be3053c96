from app.main import Note


def test_add_note(client, session):
    assert client.post("/notes", params={"text": "hi"}).status_code == 200
    assert session.query(Note).count() == 1
