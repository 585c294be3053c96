from typing import Any

from fastapi.testclient import TestClient


def add_author(client: TestClient, name: str, **fields: Any) -> dict[str, Any]:
    r = client.post("/authors", json={"name": name, **fields})
    assert r.status_code == 201, r.text
    return r.json()


def add_book(client: TestClient, author_id: int, title: str, **fields: Any) -> dict[str, Any]:
    r = client.post(f"/authors/{author_id}/books", json={"title": title, **fields})
    assert r.status_code == 201, r.text
    return r.json()


def test_create_author_validates_and_rejects_duplicates(client: TestClient) -> None:
    body = add_author(client, "Ursula", country="US")
    assert body == {"id": body["id"], "name": "Ursula", "country": "US"}
    assert client.post("/authors", json={"name": "Ursula"}).status_code == 409
    assert client.post("/authors", json={"name": ""}).status_code == 422


def test_list_authors_paginates(client: TestClient) -> None:
    ids = [add_author(client, f"Author {i}")["id"] for i in range(4)]
    assert [a["id"] for a in client.get("/authors", params={"offset": 2}).json()] == ids[2:]
    assert [a["id"] for a in client.get("/authors", params={"limit": 1}).json()] == ids[:1]
    assert client.get("/authors", params={"limit": 0}).status_code == 422


def test_read_author_serialises_books(client: TestClient) -> None:
    author = add_author(client, "Tove")
    first = add_book(client, author["id"], "Comet in Moominland", pages=180, year=1946)
    second = add_book(client, author["id"], "The Summer Book", pages=170)
    body = client.get(f"/authors/{author['id']}").json()
    assert body["name"] == "Tove"
    assert [b["id"] for b in body["books"]] == [first["id"], second["id"]]
    assert body["books"][0]["year"] == 1946
    assert client.get("/authors/9999").status_code == 404


def test_author_summary_reads_books_in_handler(client: TestClient) -> None:
    author = add_author(client, "Stanislaw")
    add_book(client, author["id"], "Solaris", pages=200)
    lent = add_book(client, author["id"], "The Cyberiad", pages=300)
    assert client.post(f"/books/{lent['id']}/loan", json={"borrower": "mia"}).status_code == 200
    body = client.get(f"/authors/{author['id']}/summary").json()
    assert body == {
        "id": author["id"],
        "name": "Stanislaw",
        "book_count": 2,
        "total_pages": 500,
        "on_loan": ["The Cyberiad"],
    }
    empty = add_author(client, "Nobody Yet")
    assert client.get(f"/authors/{empty['id']}/summary").json()["book_count"] == 0


def test_rename_author(client: TestClient) -> None:
    add_author(client, "A")
    b = add_author(client, "B")
    assert client.patch(f"/authors/{b['id']}", json={"name": "A"}).status_code == 409
    assert client.patch(f"/authors/{b['id']}", json={"name": "B"}).status_code == 200
    body = client.patch(f"/authors/{b['id']}", json={"country": "NO"}).json()
    assert (body["name"], body["country"]) == ("B", "NO")


def test_delete_author_removes_their_books(client: TestClient) -> None:
    author = add_author(client, "Gone")
    book = add_book(client, author["id"], "Lost")
    assert client.delete(f"/authors/{author['id']}").status_code == 204
    assert client.get(f"/authors/{author['id']}").status_code == 404
    assert client.get(f"/books/{book['id']}").status_code == 404
    assert client.delete(f"/authors/{author['id']}").status_code == 404


def test_book_validation_and_unknown_author(client: TestClient) -> None:
    author = add_author(client, "Italo")
    assert client.post(f"/authors/{author['id']}/books", json={"title": ""}).status_code == 422
    assert client.post(f"/authors/{author['id']}/books", json={"title": "X", "pages": -1}).status_code == 422
    assert client.post("/authors/9999/books", json={"title": "X"}).status_code == 404


def test_read_book_serialises_its_author(client: TestClient) -> None:
    author = add_author(client, "Jorge", country="AR")
    book = add_book(client, author["id"], "Ficciones")
    body = client.get(f"/books/{book['id']}").json()
    assert body["title"] == "Ficciones"
    assert body["borrower"] is None
    assert body["author"] == {"id": author["id"], "name": "Jorge", "country": "AR"}


def test_list_and_count_books(client: TestClient) -> None:
    a = add_author(client, "A")
    b = add_author(client, "B")
    a1 = add_book(client, a["id"], "Night Train")
    a2 = add_book(client, a["id"], "Day Trip")
    b1 = add_book(client, b["id"], "Night Shift")
    client.post(f"/books/{a2['id']}/loan", json={"borrower": "zoe"})

    def ids(**params: Any) -> list[int]:
        return [book["id"] for book in client.get("/books", params=params).json()]

    assert ids() == [a1["id"], a2["id"], b1["id"]]
    assert ids(author_id=a["id"]) == [a1["id"], a2["id"]]
    assert ids(available=True) == [a1["id"], b1["id"]]
    assert ids(available=False) == [a2["id"]]
    assert ids(q="night") == [a1["id"], b1["id"]]
    assert client.get("/books/count").json() == {"count": 3}
    assert client.get("/books/count", params={"author_id": b["id"]}).json() == {"count": 1}


def test_lend_and_return_book(client: TestClient) -> None:
    book = add_book(client, add_author(client, "Octavia")["id"], "Kindred")
    r = client.post(f"/books/{book['id']}/loan", json={"borrower": "sam"})
    assert r.status_code == 200
    assert r.json()["borrower"] == "sam"
    again = client.post(f"/books/{book['id']}/loan", json={"borrower": "kim"})
    assert again.status_code == 409
    assert "sam" in again.json()["detail"]
    assert client.post("/books/9999/loan", json={"borrower": "kim"}).status_code == 404
    assert client.post(f"/books/{book['id']}/return").json()["borrower"] is None
    assert client.post(f"/books/{book['id']}/return").status_code == 409


def test_borrowed_by(client: TestClient) -> None:
    italo = add_author(client, "Italo")
    jorge = add_author(client, "Jorge")
    for author, title in [(italo, "Invisible Cities"), (jorge, "Ficciones"), (jorge, "The Aleph")]:
        book = add_book(client, author["id"], title)
        client.post(f"/books/{book['id']}/loan", json={"borrower": "ana" if title != "The Aleph" else "ben"})
    assert client.get("/borrowers/ana/books").json() == [
        {"title": "Ficciones", "author": "Jorge"},
        {"title": "Invisible Cities", "author": "Italo"},
    ]
    assert client.get("/borrowers/nobody/books").json() == []


def test_delete_book(client: TestClient) -> None:
    book = add_book(client, add_author(client, "Short")["id"], "Pamphlet")
    assert client.delete(f"/books/{book['id']}").status_code == 204
    assert client.get(f"/books/{book['id']}").status_code == 404
    assert client.delete(f"/books/{book['id']}").status_code == 404
