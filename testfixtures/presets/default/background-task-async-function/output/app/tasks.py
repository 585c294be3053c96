from sqlalchemy.ext.asyncio import AsyncSession

from .models import Item
from sqlalchemy import select


async def rename_item(db: AsyncSession, item_id: int, name: str) -> None:
    item = await db.scalar(select(Item).where(Item.id == item_id).limit(1))
    item.name = name
    await db.commit()


async def notify(db, item_id: int) -> None:
    print("renamed", item_id)


def log_rename(item_id: int) -> None:
    print("renamed", item_id)


def export_items(db: AsyncSession) -> None:
    for item in db.query(Item).from_self().all():
        print(item.name)
