from app.db import SessionLocal
from app.services import items


def test_create_item():
    db = SessionLocal()
    try:
        item = items.create_item(db, "a")
        assert item.id is not None
    finally:
        db.close()
