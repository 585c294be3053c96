from app import crud


def test_create_note(db_session):
    crud.create_note(db_session, "a")
    assert crud.get_note(db_session, "a")
