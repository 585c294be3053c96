from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


def seed_items(session: AsyncSession) -> None:
    session.execute(insert(Item).values(name="seed"))


async def get_item(session: AsyncSession, item_id: int):
    return await session.get(Item, item_id)
