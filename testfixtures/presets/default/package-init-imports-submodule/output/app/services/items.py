from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def create_item(db: AsyncSession, name: str) -> Item:
    item = Item(name=name)
    db.add(item)
    await db.commit()
    await db.refresh(item)
    return item
