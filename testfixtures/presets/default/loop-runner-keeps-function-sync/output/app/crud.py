import asyncio

from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Item
from app.notify import notify


async def get_item(db: AsyncSession, item_id: int):
    return await db.get(Item, item_id)


def report(db: AsyncSession) -> int:
    # Drives a loop of its own: as a coroutine function it would fail, so it stays sync (flagged at get_item).
    loop = asyncio.new_event_loop()
    item = get_item(db, 1)
    return loop.run_until_complete(notify(item.id if item else 0))
