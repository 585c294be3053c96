from typing import Any

from fastapi.testclient import TestClient


def make_notebook(client: TestClient, title: str, **fields: Any) -> dict[str, Any]:
    r = client.post("/notebooks", json={"title": title, **fields})
    assert r.status_code == 201, r.text
    return r.json()


def make_note(client: TestClient, notebook_id: int, title: str, body: str = "", pinned: bool = False) -> dict[str, Any]:
    r = client.post(f"/notebooks/{notebook_id}/notes", json={"title": title, "body": body, "pinned": pinned})
    assert r.status_code == 201, r.text
    return r.json()


def test_create_notebook_strips_title_and_rejects_duplicates(client: TestClient) -> None:
    body = make_notebook(client, "  Ideas ", description="Half-baked")
    assert body["title"] == "Ideas"
    assert body["archived"] is False
    assert body["created_at"]
    assert client.post("/notebooks", json={"title": "Ideas"}).status_code == 409
    assert client.post("/notebooks", json={"title": "   "}).status_code == 422


def test_notebooks_paginate(client: TestClient) -> None:
    ids = [make_notebook(client, f"NB {i}")["id"] for i in range(5)]
    r = client.get("/notebooks", params={"skip": 3, "limit": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 5
    assert (body["skip"], body["limit"]) == (3, 2)
    assert [nb["id"] for nb in body["items"]] == ids[3:]
    assert client.get("/notebooks", params={"limit": 0}).status_code == 422


def test_archived_notebooks_are_hidden_unless_asked(client: TestClient) -> None:
    keep = make_notebook(client, "Keep")
    old = make_notebook(client, "Old")
    r = client.patch(f"/notebooks/{old['id']}", json={"archived": True})
    assert r.json()["archived"] is True
    assert [nb["id"] for nb in client.get("/notebooks").json()["items"]] == [keep["id"]]
    body = client.get("/notebooks", params={"include_archived": True}).json()
    assert body["total"] == 2
    assert client.post(f"/notebooks/{old['id']}/notes", json={"title": "late"}).status_code == 409


def test_rename_notebook_conflict(client: TestClient) -> None:
    make_notebook(client, "A")
    b = make_notebook(client, "B")
    assert client.patch(f"/notebooks/{b['id']}", json={"title": "A"}).status_code == 409
    assert client.patch(f"/notebooks/{b['id']}", json={"title": "B"}).status_code == 200
    assert client.patch(f"/notebooks/{b['id']}", json={"title": "C"}).json()["title"] == "C"


def test_read_notebook_includes_notes(client: TestClient) -> None:
    nb = make_notebook(client, "Reading")
    first = make_note(client, nb["id"], "Dune", "sand worms spice")
    second = make_note(client, nb["id"], "Emma", "matchmaking")
    r = client.get(f"/notebooks/{nb['id']}")
    assert r.status_code == 200
    body = r.json()
    assert body["title"] == "Reading"
    assert body["notes"] == [first, second]
    assert client.get("/notebooks/99999").status_code == 404


def test_summary_reads_the_notes_relationship(client: TestClient) -> None:
    nb = make_notebook(client, "Summary")
    make_note(client, nb["id"], "one", "a b c")
    make_note(client, nb["id"], "two", "d e", pinned=True)
    make_note(client, nb["id"], "three", "", pinned=True)
    r = client.get(f"/notebooks/{nb['id']}/summary")
    assert r.json() == {
        "id": nb["id"],
        "title": "Summary",
        "note_count": 3,
        "word_count": 5,
        "pinned_titles": ["two", "three"],
    }
    assert client.get("/notebooks/99999/summary").status_code == 404


def test_stats(client: TestClient) -> None:
    a = make_notebook(client, "A")
    b = make_notebook(client, "B")
    make_note(client, a["id"], "x")
    make_note(client, a["id"], "y")
    assert client.get("/notebooks/stats").json() == [
        {"id": a["id"], "title": "A", "note_count": 2},
        {"id": b["id"], "title": "B", "note_count": 0},
    ]


def test_list_notes_with_filters_and_pages(client: TestClient) -> None:
    nb = make_notebook(client, "Tasks")
    ids = [make_note(client, nb["id"], f"task {i}", "todo" if i % 2 else "done")["id"] for i in range(6)]
    r = client.get(f"/notebooks/{nb['id']}/notes", params={"q": "todo", "limit": 2, "skip": 1})
    body = r.json()
    assert body["total"] == 3
    assert [n["id"] for n in body["items"]] == [ids[3], ids[5]]
    client.post(f"/notebooks/{nb['id']}/notes/pin", json={"note_ids": [ids[4]]})
    body = client.get(f"/notebooks/{nb['id']}/notes", params={"pinned": True}).json()
    assert (body["total"], [n["id"] for n in body["items"]]) == (1, [ids[4]])
    assert client.get("/notebooks/424242/notes").status_code == 404


def test_pin_and_unpin_all(client: TestClient) -> None:
    nb = make_notebook(client, "Pins")
    a = make_note(client, nb["id"], "a")
    b = make_note(client, nb["id"], "b")
    r = client.post(f"/notebooks/{nb['id']}/notes/pin", json={"note_ids": [a["id"], b["id"], 31337]})
    assert r.json() == {"affected": 2}
    assert client.get(f"/notes/{a['id']}").json()["pinned"] is True
    assert client.post(f"/notebooks/{nb['id']}/notes/unpin-all").json() == {"affected": 2}
    assert client.get(f"/notes/{b['id']}").json()["pinned"] is False


def test_update_note(client: TestClient) -> None:
    nb = make_notebook(client, "Edits")
    note = make_note(client, nb["id"], "draft", "one")
    r = client.patch(f"/notes/{note['id']}", json={"body": "one two three", "pinned": True})
    assert r.status_code == 200
    body = r.json()
    assert (body["title"], body["word_count"], body["pinned"]) == ("draft", 3, True)
    assert client.patch("/notes/99999", json={"title": "x"}).status_code == 404


def test_move_note_between_notebooks(client: TestClient) -> None:
    src = make_notebook(client, "Src")
    dst = make_notebook(client, "Dst")
    note = make_note(client, src["id"], "traveller")
    r = client.post(f"/notes/{note['id']}/move", json={"notebook_id": dst["id"]})
    assert r.json()["notebook_id"] == dst["id"]
    assert client.get(f"/notebooks/{src['id']}/summary").json()["note_count"] == 0
    assert client.get(f"/notebooks/{dst['id']}/summary").json()["note_count"] == 1
    assert client.post(f"/notes/{note['id']}/move", json={"notebook_id": 99999}).status_code == 404


def test_search_endpoint(client: TestClient) -> None:
    garden = make_notebook(client, "Garden")
    misc = make_notebook(client, "Misc")
    a = make_note(client, garden["id"], "Tomatoes")
    b = make_note(client, misc["id"], "garden party")
    r = client.get("/notes/search", params={"q": "garden"})
    assert [n["id"] for n in r.json()] == [a["id"], b["id"]]
    assert client.get("/notes/search", params={"q": "g"}).status_code == 422


def test_export_is_plain_text(client: TestClient) -> None:
    nb = make_notebook(client, "Log")
    make_note(client, nb["id"], "Entry", "all quiet")
    r = client.get(f"/notebooks/{nb['id']}/export")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    assert r.text == "# Log\n\n## Entry\n\nall quiet\n"


def test_delete_empty_notes_then_note_then_notebook(client: TestClient) -> None:
    nb = make_notebook(client, "Cleanup")
    keep = make_note(client, nb["id"], "keep", "words here")
    make_note(client, nb["id"], "empty")
    assert client.delete(f"/notebooks/{nb['id']}/notes/empty").json() == {"affected": 1}
    assert client.delete(f"/notes/{keep['id']}").status_code == 204
    assert client.get(f"/notes/{keep['id']}").status_code == 404
    assert client.delete(f"/notebooks/{nb['id']}").status_code == 204
    assert client.get(f"/notebooks/{nb['id']}").status_code == 404
