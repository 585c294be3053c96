from typing import List, Optional

from sqlalchemy.ext.asyncio import AsyncSession

from .db import AsyncSessionLocal
from .models import Item
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload


async def owner_email(item_id: int) -> Optional[str]:
    async with AsyncSessionLocal() as db:
        item = await db.get(Item, item_id, options=[selectinload(Item.owner)])
        return item.owner.email if item else None


async def owner_email_after_count(item_id: int) -> Optional[str]:
    async with AsyncSessionLocal() as db:
        await db.scalar(select(func.count()).select_from(Item))
        item = await db.get(Item, item_id, options=[selectinload(Item.owner)])
        return item.owner.email if item else None


async def owner_emails(item_ids: List[int]) -> List[str]:
    async with AsyncSessionLocal() as db:
        emails = []
        for item_id in item_ids:
            item = await db.get(Item, item_id, options=[selectinload(Item.owner)])
            emails.append(item.owner.email)
        return emails


async def owner_email_plain(item_id: int) -> str:
    db = AsyncSessionLocal()
    try:
        item = await db.get(Item, item_id, options=[selectinload(Item.owner)])
        return item.owner.email
    finally:
        await db.close()


async def owner_email_in(db: AsyncSession, item_id: int) -> str:
    item = await db.get(Item, item_id, options=[selectinload(Item.owner)])
    return item.owner.email
