import asyncio

from sqlalchemy.orm import Session

from app.db import Item
from app.notify import notify


def get_item(db: Session, item_id: int):
    return db.get(Item, item_id)


def report(db: Session) -> int:
    # Drives a loop of its own: as a coroutine function it would fail, so it stays sync (flagged at get_item).
    loop = asyncio.new_event_loop()
    item = get_item(db, 1)
    return loop.run_until_complete(notify(item.id if item else 0))
