from sqlmodel import select

from app.models import Item
from sqlmodel.ext.asyncio.session import AsyncSession


async def rename(db: AsyncSession, item_id: int, name: str) -> Item:
    async with db as s:
        item = await s.get(Item, item_id)
        item.name = name
        await s.commit()
        return item


async def names(db: AsyncSession) -> list[str]:
    async with db:
        return [i.name for i in (await db.exec(select(Item))).all()]

