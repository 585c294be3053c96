from app import crud


def test_savepoint(savepoint_db):
    crud.add_note(savepoint_db, "a")
    assert crud.count_notes(savepoint_db) == 1


def test_memory(memory_db):
    crud.add_note(memory_db, "a")
    assert crud.count_notes(memory_db) == 1


def test_audited(audited_db):
    crud.add_note(audited_db, "a")
    assert crud.count_notes(audited_db) == 1


def test_shared(shared_db):
    crud.add_note(shared_db, "a")
    assert crud.count_notes(shared_db) >= 1
