from app import crud


def test_get_missing_note(db_session):
    assert crud.get_note(db_session, "missing") is None
