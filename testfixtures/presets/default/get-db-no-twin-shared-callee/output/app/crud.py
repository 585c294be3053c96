from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item
from sqlalchemy import select
from sqlalchemy.orm import Session


async def get_item(db: AsyncSession, item_id: int):
    return await db.scalar(select(Item).where(Item.id == item_id).limit(1))


def create_item(db: Session, name: str):
    item = Item(name=name)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item
