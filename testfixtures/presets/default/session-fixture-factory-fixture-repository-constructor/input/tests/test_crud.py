from sqlalchemy.orm import Session

from app import crud


# Hands the sync session to a function made async, which awaits it: flagged at the call.
def test_crud(session: Session):
    assert crud.get_batch(session, "x") is None
