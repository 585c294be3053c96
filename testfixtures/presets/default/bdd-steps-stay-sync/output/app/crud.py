from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item
from sqlalchemy.orm import Session


def seed_items(session: Session) -> None:
    session.execute(insert(Item).values(name="seed"))
    session.commit()


async def get_item(session: AsyncSession, item_id: int):
    return await session.get(Item, item_id)
