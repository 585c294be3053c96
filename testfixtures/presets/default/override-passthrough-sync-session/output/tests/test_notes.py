from app.main import Note


def test_add_note(client, session):
    assert client.post("/notes", params={"text": "hi"}).status_code == 200
    # `yield_per` is not converted (QUERY-YIELD-PER): the test keeps using a sync session.
    assert len(list(session.query(Note).yield_per(10))) == 1
