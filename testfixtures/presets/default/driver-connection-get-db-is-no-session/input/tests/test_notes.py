import sqlite3

from fastapi.testclient import TestClient

from app.db import get_db
from app.main import app


def override_get_db():
    connection = sqlite3.connect("test_notes.db")
    connection.row_factory = sqlite3.Row
    try:
        yield connection
    finally:
        connection.close()


app.dependency_overrides[get_db] = override_get_db
client = TestClient(app)


def test_add_and_read():
    with sqlite3.connect("test_notes.db") as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT)")
    created = client.post("/notes", params={"text": "hello"}).json()
    assert client.get(f"/notes/{created['id']}").json()["text"] == "hello"
