from sqlmodel import Session

from app.repo import StudentRepo


def test_add(session: Session):
    repo = StudentRepo()
    repo.add(session, "Ana")
    assert repo.names(session) == ["Ana"]
