import pytest
from sqlalchemy.orm import Session

from app import crud
from app.models import Base, Note
from tests.database import engine, test_db


@pytest.fixture(autouse=True)
def tables():
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)


@pytest.fixture()
def seeded(test_db: Session):
    test_db.add_all([Note(text="a"), Note(text="b")])
    test_db.commit()


def test_list_notes(test_db, seeded):
    assert len(crud.list_notes(test_db)) == 2
