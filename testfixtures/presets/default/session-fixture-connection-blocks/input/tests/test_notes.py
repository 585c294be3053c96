from sqlalchemy.orm import Session

from app import crud


def test_add_and_count(db: Session):
    crud.add_note(db, "a")
    crud.add_note(db, "b")
    assert crud.count_notes(db) == 2


def test_rolled_back_between_tests(db: Session):
    assert crud.count_notes(db) == 0


def test_block(block_db: Session):
    crud.add_note(block_db, "a")
    assert crud.count_notes(block_db) == 1


def test_block_rolled_back(block_db: Session):
    assert crud.count_notes(block_db) == 0


def test_api(client):
    assert client.post("/notes", params={"text": "x"}).status_code == 200
    assert client.get("/notes/count").json() == {"n": 1}
