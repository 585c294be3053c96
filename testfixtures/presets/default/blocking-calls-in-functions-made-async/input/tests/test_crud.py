import time

from app import crud
from app.database import SessionLocal


def test_get_item():
    db = SessionLocal()
    time.sleep(0.01)
    assert crud.get_item(db, 1) is None
    db.close()
