from sqlalchemy.orm import Session

from app import crud


def test_theme(db: Session) -> None:
    assert crud.get_setting(db, "theme").value == "dark"
