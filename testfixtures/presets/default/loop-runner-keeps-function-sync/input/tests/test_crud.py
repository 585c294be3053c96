import asyncio

from app import crud
from app.db import SessionLocal
from app.notify import notify


def test_get_item_then_notify():
    db = SessionLocal()
    assert crud.get_item(db, 99) is None
    assert asyncio.run(notify(1)) == 1
    db.close()
